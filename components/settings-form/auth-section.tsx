"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { AUTH, AUTH_TYPES, canAddClientCert } from "@/lib/integrations/model";
import { AuthFields } from "./auth-fields";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";

/** How LMS Sync signs in to the receiver: the type, then that type's settings and secret. */
export function AuthSection() {
  const { register, control } = useFormContext<SettingsFormValues>();
  const authType = useWatch({ control, name: "authType" });
  const error = useFieldError("authType");
  return (
    <FormSection
      title="Authentication"
      description="How LMS Sync proves who it is to the receiver. Secrets are stored encrypted and never shown again."
    >
      <div className="sm:col-span-2">
        <Field label="Method" error={error}>
          {(c) => (
            <select {...c} className="input" {...register("authType")}>
              {AUTH_TYPES.map((t) => (
                <option key={t} value={t}>
                  {AUTH[t].label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <AuthFields authType={authType} />
      {canAddClientCert(authType) ? (
        <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
            {...register("authConfig.useClientCert")}
          />
          <span>
            Also present a client certificate (mutual TLS)
            <span className="block text-xs text-slate-500">
              For receivers that want both a credential and a certificate.
            </span>
          </span>
        </label>
      ) : null}
    </FormSection>
  );
}
