"use client";

import { SecretField } from "../secret-field";

export function BearerFields() {
  return (
    <div className="sm:col-span-2">
      <SecretField name="token" label="Token" hint="Sent as “Authorization: Bearer …” with every request." />
    </div>
  );
}
