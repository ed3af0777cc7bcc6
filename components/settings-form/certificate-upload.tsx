"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type {
  CertificateDetails as Details,
  InspectCertificateInput,
} from "@/lib/integrations/certificate-schemas";
import type { SecretName } from "@/lib/integrations/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { CertificateDetails } from "./certificate-details";
import { useFormExtras } from "./form-extras";
import type { SettingsFormValues } from "./form-values";
import { readFileAsBase64, readFileAsText } from "./read-file";
import { useFieldError } from "./use-field-error";

type Format = "pfx" | "pem";
const FILES: Record<Format, SecretName[]> = {
  pfx: ["clientCertPfx"],
  pem: ["clientCertPem", "clientKeyPem"],
};

/** Choosing a new client certificate: read in the browser, checked by the server on request, saved with the form. */
export function CertificateUpload() {
  const { register, setValue, control } = useFormContext<SettingsFormValues>();
  const { storedSecrets } = useFormExtras();
  const secrets = useWatch({ control, name: "secrets" });
  const [format, setFormat] = useState<Format>(storedSecrets.clientCertPem ? "pem" : "pfx");
  const [fileNames, setFileNames] = useState<Partial<Record<SecretName, string>>>({});
  const error = useFieldError(format === "pfx" ? "secrets.clientCertPfx" : "secrets.clientCertPem");
  const keyError = useFieldError("secrets.clientKeyPem");
  const inspect = useMutation({
    mutationFn: (input: InspectCertificateInput) =>
      fetchJson<{ certificate: Details }>("/api/certificates/inspect", { method: "POST", json: input }),
  });

  const onFile = async (name: SecretName, file: File | undefined) => {
    inspect.reset();
    if (!file) return;
    const content = name === "clientCertPfx" ? await readFileAsBase64(file) : await readFileAsText(file);
    setValue(`secrets.${name}`, content, { shouldDirty: true, shouldValidate: true });
    setFileNames((f) => ({ ...f, [name]: file.name }));
    // One format at a time: a stored file of the other format is removed on save.
    const other = FILES[name === "clientCertPfx" ? "pem" : "pfx"];
    for (const n of other)
      setValue(`secrets.${n}`, storedSecrets[n] ? null : undefined, { shouldDirty: true });
  };
  const canCheck =
    format === "pfx"
      ? Boolean(secrets.clientCertPfx)
      : Boolean(secrets.clientCertPem && secrets.clientKeyPem);
  const onCheck = () => {
    const passphrase = secrets.clientCertPassphrase || undefined;
    inspect.mutate(
      format === "pfx"
        ? { pfxBase64: secrets.clientCertPfx ?? undefined, passphrase }
        : {
            certPem: secrets.clientCertPem ?? undefined,
            keyPem: secrets.clientKeyPem ?? undefined,
            passphrase,
          },
    );
  };

  const fileInput = (name: SecretName, accept: string, label: string, fieldError?: string) => (
    <Field label={label} error={fieldError} hint={fileNames[name] ? `Chosen: ${fileNames[name]}` : undefined}>
      {(c) => (
        <input
          {...c}
          type="file"
          accept={accept}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
          onChange={(e) => void onFile(name, e.target.files?.[0])}
        />
      )}
    </Field>
  );

  return (
    <div className="space-y-4 sm:col-span-2">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">File format</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {(["pfx", "pem"] as const).map((f) => (
            <label key={f} className="flex items-center gap-2">
              <input type="radio" name="cert-format" checked={format === f} onChange={() => setFormat(f)} />
              {f === "pfx" ? "PKCS#12 file (.pfx, .p12)" : "PEM certificate and private key"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {format === "pfx" ? (
          fileInput("clientCertPfx", ".pfx,.p12,application/x-pkcs12", "Certificate file (.pfx/.p12)", error)
        ) : (
          <>
            {fileInput("clientCertPem", ".pem,.crt,.cer", "Certificate (PEM)", error)}
            {fileInput("clientKeyPem", ".pem,.key", "Private key (PEM)", keyError)}
          </>
        )}
        <Field
          label="Passphrase"
          optional={format === "pem"}
          hint={
            format === "pem"
              ? "Only for an encrypted private key."
              : "The password the .pfx/.p12 file was exported with."
          }
        >
          {(c) => (
            <input
              {...c}
              type="password"
              className="input"
              autoComplete="new-password"
              {...register("secrets.clientCertPassphrase")}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={onCheck} disabled={!canCheck || inspect.isPending}>
          {inspect.isPending ? "Reading…" : "Check certificate"}
        </Button>
        <p className="text-xs text-slate-500">
          Files are read in your browser and sent only when you check or save; they are stored encrypted and
          never shown again.
        </p>
      </div>
      {inspect.error ? <Alert>{inspect.error.message}</Alert> : null}
      {inspect.data ? (
        <CertificateDetails cert={inspect.data.certificate} title="New certificate (not saved yet)" />
      ) : null}
    </div>
  );
}
