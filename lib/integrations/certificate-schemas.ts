import { z } from "zod";

const secretText = z.string().min(1).max(200_000);

/** A client certificate to read before it is saved: a .pfx/.p12 file (base64) or a PEM certificate with its key. */
export const inspectCertificateSchema = z
  .object({
    pfxBase64: secretText.optional(),
    certPem: secretText.optional(),
    keyPem: secretText.optional(),
    passphrase: z.string().max(1_000).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.pfxBase64) !== Boolean(v.certPem), {
    message: "Send either a .pfx/.p12 file or a PEM certificate, not both",
    path: ["pfxBase64"],
  });
export type InspectCertificateInput = z.infer<typeof inspectCertificateSchema>;

/** What the inspect route tells about a certificate: never the certificate or key themselves. */
export const certificateDetailsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
});
export type CertificateDetails = z.infer<typeof certificateDetailsSchema>;
