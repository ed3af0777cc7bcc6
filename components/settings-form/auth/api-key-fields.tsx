"use client";

import { SecretField } from "../secret-field";
import { TextField } from "../text-field";

export function ApiKeyFields() {
  return (
    <>
      <TextField
        name="authConfig.headerName"
        label="Header name"
        list="api-key-header-names"
        hint="The header that carries the key: X-API-Key, Authorization, apikey, or what the receiver names."
        className="font-mono"
        autoComplete="off"
      />
      <datalist id="api-key-header-names">
        <option value="X-API-Key" />
        <option value="Authorization" />
        <option value="apikey" />
        <option value="Ocp-Apim-Subscription-Key" />
      </datalist>
      <SecretField name="apiKey" label="API key" hint="Sent as is in the header above." />
    </>
  );
}
