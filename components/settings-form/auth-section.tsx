"use client";

import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { AUTH_TYPES, type AuthTypeName } from "@/db/schema/integrations";
import { AUTH_SETTINGS } from "@/lib/integrations/auth-fields";
import { ApiKeyFields } from "./auth/api-key-fields";
import { BasicFields } from "./auth/basic-fields";
import { BearerFields } from "./auth/bearer-fields";
import { BearerLoginFields } from "./auth/bearer-login-fields";
import { ClientCertFields } from "./auth/client-cert-fields";
import { NoneFields } from "./auth/none-fields";
import { OAuth2Fields } from "./auth/oauth2-fields";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";

const AUTH: Record<AuthTypeName, { label: string; fields: () => ReactNode }> = {
  api_key: { label: "API key in a header", fields: ApiKeyFields },
  bearer: { label: "Bearer token", fields: BearerFields },
  bearer_login: { label: "Bearer token from a login endpoint", fields: BearerLoginFields },
  basic: { label: "Basic (username and password)", fields: BasicFields },
  oauth2: { label: "OAuth2 client credentials", fields: OAuth2Fields },
  client_cert: { label: "Client certificate (mutual TLS)", fields: ClientCertFields },
  none: { label: "None (test setups only)", fields: NoneFields },
};

/** How LMS Sync signs in to the receiver: the type, then that type's settings and secret. */
export function AuthSection() {
  const { register, control } = useFormContext<SettingsFormValues>();
  const authType = useWatch({ control, name: "authType" });
  const error = useFieldError("authType");
  const TypeFields = AUTH[authType].fields;
  const canAddCert = AUTH_SETTINGS[authType].includes("useClientCert");
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
      <TypeFields />
      {canAddCert ? (
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
