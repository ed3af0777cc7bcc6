"use client";

import { SecretField } from "../secret-field";
import { TextField } from "../text-field";

export function BearerLoginFields() {
  return (
    <>
      <div className="sm:col-span-2">
        <TextField
          name="authConfig.loginUrl"
          label="Login URL"
          type="url"
          placeholder="https://hr.example.com/api/login"
          hint="LMS Sync POSTs the username and password here and reads access_token from the reply; the token is kept until it expires and renewed once on a 401."
          className="font-mono"
          autoComplete="off"
        />
      </div>
      <TextField name="authConfig.username" label="Username" autoComplete="off" />
      <SecretField name="password" label="Password" />
      <TextField
        name="authConfig.usernameField"
        label="Username field name"
        optional
        placeholder="username"
        hint="The JSON key the login endpoint expects for the username."
        className="font-mono"
        autoComplete="off"
      />
      <TextField
        name="authConfig.passwordField"
        label="Password field name"
        optional
        placeholder="password"
        hint="The JSON key for the password."
        className="font-mono"
        autoComplete="off"
      />
    </>
  );
}
