"use client";

import { SecretField } from "../secret-field";
import { TextField } from "../text-field";

export function BasicFields() {
  return (
    <>
      <TextField
        name="authConfig.username"
        label="Username"
        hint="Sent as “Authorization: Basic …” with the password."
        autoComplete="off"
      />
      <SecretField name="password" label="Password" />
    </>
  );
}
