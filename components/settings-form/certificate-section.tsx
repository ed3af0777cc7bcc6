"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CERT_FILE_NAMES, CERT_SECRET_NAMES, usesClientCert } from "@/lib/integrations/model";
import { CertificateDetails } from "./certificate-details";
import { CertificateUpload } from "./certificate-upload";
import { useFormExtras } from "./form-extras";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";

/** The client certificate, when the integration presents one: what is stored, and a new one to upload. */
export function CertificateSection() {
  const { control, setValue } = useFormContext<SettingsFormValues>();
  const { clientCertInfo, storedSecrets, canEdit } = useFormExtras();
  const [authType, useCert, secrets] = useWatch({
    control,
    name: ["authType", "authConfig.useClientCert", "secrets"],
  });
  if (!usesClientCert(authType, { useClientCert: useCert })) return null;
  // Removing: every stored certificate file is being cleared and no new one is chosen.
  const isRemoving =
    CERT_FILE_NAMES.some((n) => storedSecrets[n]) &&
    CERT_FILE_NAMES.every((n) => secrets[n] === null || (!storedSecrets[n] && !secrets[n]));
  const setAll = (value: null | "") => {
    for (const n of CERT_SECRET_NAMES) {
      if (storedSecrets[n]) setValue(`secrets.${n}`, value, { shouldDirty: true });
    }
  };
  return (
    <FormSection
      title="Client certificate"
      description="Presented in the TLS handshake (mutual TLS). Its subject and expiry are shown here; you are warned 30 days before it expires."
    >
      <div className="space-y-3 sm:col-span-2">
        {clientCertInfo && !isRemoving ? (
          <CertificateDetails cert={clientCertInfo} title="Current certificate" />
        ) : null}
        {isRemoving ? (
          <p className="text-sm text-amber-800">The stored certificate is removed when you save.</p>
        ) : null}
        {clientCertInfo && canEdit ? (
          <Button variant="ghost" onClick={() => setAll(isRemoving ? "" : null)}>
            {isRemoving ? "Keep the stored certificate" : "Remove the stored certificate"}
          </Button>
        ) : null}
      </div>
      {canEdit ? <CertificateUpload /> : null}
    </FormSection>
  );
}
