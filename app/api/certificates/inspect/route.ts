// POST /api/certificates/inspect — read a client certificate's subject, issuer and validity before it is saved
import { apiError } from "@/lib/api/errors";
import { withRole } from "@/lib/api/handler";
import { readCertificate } from "@/lib/delivery";
import { certificateDetailsSchema, inspectCertificateSchema } from "@/lib/integrations/certificate-schemas";

export const dynamic = "force-dynamic";

// Nothing is stored and nothing of the input is echoed: the reply is the certificate's public details only.
export const POST = withRole("admin", inspectCertificateSchema, async ({ input }) => {
  const read = readCertificate(input);
  if (!read.ok) {
    const path = input.pfxBase64 ? "secrets.clientCertPfx" : "secrets.clientCertPem";
    return apiError(400, "bad_request", read.error, [{ path, message: read.error }]);
  }
  return { certificate: certificateDetailsSchema.parse(read) };
});
