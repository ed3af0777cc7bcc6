"use client";

import { useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { HeadersEditor } from "./headers-editor";
import { SecretHeadersEditor } from "./secret-headers-editor";
import { TextField } from "./text-field";
import { TimeoutField } from "./timeout-field";
import { useFieldError } from "./use-field-error";

/** What counts as delivered, how long to wait, and extra headers. */
export function DeliverySection() {
  const { register } = useFormContext<SettingsFormValues>();
  const caError = useFieldError("caBundlePem");
  return (
    <FormSection
      title="Delivery"
      description="Each completion is one HTTPS POST. Redirects are not followed; everything outside the success codes is a failure."
    >
      <TextField
        name="successCodes"
        label="Success codes"
        placeholder="2xx"
        hint="Codes, ranges or classes, comma-separated: 2xx · 200-299 · 200,201,202."
        className="font-mono"
        autoComplete="off"
      />
      <TimeoutField />
      <HeadersEditor />
      <SecretHeadersEditor />
      <details className="sm:col-span-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">
          Trust a private certificate authority
        </summary>
        <div className="mt-3">
          <Field
            label="CA certificates (PEM)"
            optional
            error={caError}
            hint="Only when the receiver's HTTPS certificate is issued by an internal CA. Paste the CA certificate chain."
          >
            {(c) => (
              <textarea
                {...c}
                rows={4}
                className="input font-mono text-xs"
                placeholder="-----BEGIN CERTIFICATE-----"
                spellCheck={false}
                {...register("caBundlePem")}
              />
            )}
          </Field>
        </div>
      </details>
    </FormSection>
  );
}
