import { z } from "zod";

const secretText = z.string().min(1).max(200_000);

/** A client certificate to read before it is saved: a .pfx/.p12 file (base64) or a PEM certificate with its key. */
export const inspectCertificateSchema = z
  .object({
    pfxBase64: secretText.optional().describe("A .pfx/.p12 file, base64-encoded; or send certPem and keyPem"),
    certPem: secretText.optional().describe("A PEM certificate (-----BEGIN CERTIFICATE-----)"),
    keyPem: secretText.optional().describe("The PEM private key of certPem"),
    passphrase: z
      .string()
      .max(1_000)
      .optional()
      .describe("The passphrase of the .pfx file or the key, if any"),
  })
  .strict()
  .refine((v) => Boolean(v.pfxBase64) !== Boolean(v.certPem), {
    message: "Send either a .pfx/.p12 file or a PEM certificate, not both",
    path: ["pfxBase64"],
  });
export type InspectCertificateInput = z.infer<typeof inspectCertificateSchema>;

/** What the inspect route tells about a certificate: never the certificate or key themselves. */
export const certificateDetailsSchema = z.object({
  subject: z.string().describe("Who the certificate names"),
  issuer: z.string().describe("Who signed it"),
  validFrom: z.string().describe("When it becomes valid"),
  validTo: z.string().describe("When it expires"),
  fingerprint256: z.string().describe("Its SHA-256 fingerprint, colon-separated hex"),
});
export type CertificateDetails = z.infer<typeof certificateDetailsSchema>;
