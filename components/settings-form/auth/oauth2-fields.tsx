"use client";

import { useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { SettingsFormValues } from "../form-values";
import { SecretField } from "../secret-field";
import { TextField } from "../text-field";

export function OAuth2Fields() {
  const { register } = useFormContext<SettingsFormValues>();
  return (
    <>
      <div className="sm:col-span-2">
        <TextField
          name="authConfig.tokenUrl"
          label="Token URL"
          type="url"
          placeholder="https://login.example.com/oauth2/token"
          hint="Client-credentials grant; the access token is kept until expires_in runs out."
          className="font-mono"
          autoComplete="off"
        />
      </div>
      <TextField name="authConfig.clientId" label="Client ID" className="font-mono" autoComplete="off" />
      <SecretField name="clientSecret" label="Client secret" />
      <TextField
        name="authConfig.scope"
        label="Scope"
        optional
        placeholder="completions.write"
        hint="Space-separated, as the identity provider expects."
        autoComplete="off"
      />
      <Field label="Client authentication" hint="How the client ID and secret reach the token endpoint.">
        {(control) => (
          <select {...control} className="input" {...register("authConfig.clientAuthMethod")}>
            <option value="client_secret_basic">HTTP Basic header (client_secret_basic)</option>
            <option value="client_secret_post">In the form body (client_secret_post)</option>
          </select>
        )}
      </Field>
    </>
  );
}
