import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { saveRuleProblems } from "@/lib/integrations/save-rules";
import { integrationSettingsSchema } from "@/lib/integrations/schemas";
import { type ApiInput, type SettingsFormValues, toApiInput } from "./form-values";

export type FormMode = "create" | "edit";

/**
 * The form's schema: its values turned into the API input, checked field by field with the API's own schemas and
 * then by the same save rules the server runs (each auth type's settings and secret, a client certificate when one
 * is presented, the cron in its time zone). `storedSecrets` names the secrets already set, which need no new value.
 */
export function settingsFormSchema(storedSecrets: readonly string[], isProduction = false) {
  const settings = integrationSettingsSchema
    .extend({ sendFrom: integrationSettingsSchema.shape.sendFrom.optional() })
    .superRefine((input, ctx) => {
      for (const p of saveRuleProblems({ ...input, storedSecrets, isProduction })) {
        ctx.addIssue({ code: "custom", path: p.path.split("."), message: p.message });
      }
    });
  return z
    .custom<SettingsFormValues>()
    .transform(toApiInput)
    .pipe(settings as unknown as z.ZodType<unknown, ApiInput>);
}

/** Plain words for the issues a form control can cause (an empty number box, a bad header name). */
export const friendlyIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a number";
  if (issue.code === "invalid_type" && issue.expected === "date") return "Enter a date and time";
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? "Not a valid header name";
  return undefined;
};

/** The react-hook-form resolver: the shared schema through zodResolver, keeping the form's own values. */
export function settingsResolver(storedSecrets: readonly string[], isProduction: boolean) {
  return zodResolver(
    settingsFormSchema(storedSecrets, isProduction),
    { error: friendlyIssue },
    { raw: true },
  );
}
