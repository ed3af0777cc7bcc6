// POST /api/certificates/inspect — read a client certificate's subject, issuer and validity before it is saved
import { apiError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { readCertificate } from "@/lib/delivery";
import { inspectCertificateSchema } from "@/lib/integrations/certificate-schemas";
import { certificateReplySchema } from "@/lib/integrations/reply-schemas";

export const dynamic = "force-dynamic";

// Nothing is stored and nothing of the input is echoed: the reply is the certificate's public details only.
export const POST = route(
  {
    method: "POST",
    path: "/api/certificates/inspect",
    role: "admin",
    summary: "Read a client certificate's subject, issuer and validity before it is saved; stores nothing",
    input: inspectCertificateSchema,
    output: certificateReplySchema,
    errors: { 400: "Not a certificate, the key does not match, or the passphrase is wrong" },
    example: {
      input: { pfxBase64: "MIIJqQIBAzCCCW8GCSqGSIb3DQEHAaCCCWAEgglcMIIJWDCCBA8…", passphrase: "…" },
      output: {
        certificate: {
          subject: "CN=lms-sync.company.com",
          issuer: "CN=Company Issuing CA",
          validFrom: "2026-01-01T00:00:00.000Z",
          validTo: "2027-01-01T00:00:00.000Z",
          fingerprint256: "3A:1F:…:9C",
        },
      },
    },
  },
  async ({ input }) => {
    const read = readCertificate(input);
    if (!read.ok) {
      const path = input.pfxBase64 ? "secrets.clientCertPfx" : "secrets.clientCertPem";
      return apiError(400, "bad_request", read.error, [{ path, message: read.error }]);
    }
    return { certificate: read };
  },
);
