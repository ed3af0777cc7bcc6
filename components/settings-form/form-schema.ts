import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { missingAuthSettings } from "@/lib/delivery/schemas";
import { missingAuthSecret, usesClientCert } from "@/lib/integrations/auth-fields";
import {
  createIntegrationSchema,
  type UpdateIntegrationInput,
  updateIntegrationSchema,
} from "@/lib/integrations/schemas";
import { type ApiInput, type SettingsFormValues, toApiInput } from "./form-values";

export type FormMode = "create" | "edit";

const CERT_FILES = ["clientCertPfx", "clientCertPem"] as const;

/**
 * The form's schema: its values turned into the API input and checked by the route's own schema, plus the save
 * rules that need no server (each auth type's required settings and secret, a client certificate when one is used).
 * `storedSecrets` names the secrets already set, which need no new value.
 */
export function settingsFormSchema(mode: FormMode, storedSecrets: readonly string[]) {
  // The edit form holds every setting, so the update schema sees the create route's full input.
  const api: z.ZodType<UpdateIntegrationInput, ApiInput> =
    mode === "create"
      ? createIntegrationSchema
      : (updateIntegrationSchema as z.ZodType<UpdateIntegrationInput, ApiInput>);
  const rules = api.superRefine((input, ctx) => {
    const { authType, authConfig = {}, secrets } = input;
    if (!authType) return;
    for (const m of missingAuthSettings(authType, authConfig)) {
      ctx.addIssue({ code: "custom", path: ["authConfig", m.field], message: `Enter the ${m.label}` });
    }
    const secret = missingAuthSecret(authType, storedSecrets, secrets);
    if (secret) ctx.addIssue({ code: "custom", path: secret.path.split("."), message: secret.message });
    const hasCert = CERT_FILES.some((n) =>
      secrets?.[n] === undefined ? storedSecrets.includes(n) : secrets[n] !== null,
    );
    if (usesClientCert(authType, authConfig) && !hasCert) {
      ctx.addIssue({
        code: "custom",
        path: ["secrets", "clientCertPfx"],
        message: "Upload the client certificate (.pfx/.p12 with its passphrase, or PEM certificate and key)",
      });
    }
  });
  return z.custom<SettingsFormValues>().transform(toApiInput).pipe(rules);
}

/** Plain words for the issues a form control can cause (an empty number box, a bad header name). */
export const friendlyIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a number";
  if (issue.code === "invalid_type" && issue.expected === "date") return "Enter a date and time";
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? "Not a valid header name";
  return undefined;
};

/** The react-hook-form resolver: the shared schema through zodResolver, keeping the form's own values. */
export function settingsResolver(mode: FormMode, storedSecrets: readonly string[]) {
  return zodResolver(settingsFormSchema(mode, storedSecrets), { error: friendlyIssue }, { raw: true });
}
