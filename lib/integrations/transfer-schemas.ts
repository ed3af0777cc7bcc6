// An integration as a file (export and import): its settings and mapping, never a secret, so a setup tested against
// a test system can be copied to production. Client-safe: zod and pure functions, shared by the route and the page.

import { z } from "zod";
import { isoDateTime } from "../api/iso-date-time";
import { AUTH, usesClientCert } from "./auth-types";
import { headerNameSchema, secretHeadersInputSchema } from "./field-schemas";
import { INTEGRATION_LIMITS } from "./limits";
import { createIntegrationSchema, integrationOutputSchema, secretsInputSchema } from "./schemas";

export const DOCUMENT_FORMAT = "lms-sync.integration";
export const DOCUMENT_FORMAT_VERSION = 1;

// Every setting a new integration takes except the write-only ones: a setting added to the create schema is
// exported and imported with no change here.
const documentSettingsSchema = createIntegrationSchema
  .omit({ secrets: true, secretHeaders: true })
  .strict()
  .describe(
    "The settings and the mapping, as POST /api/integrations takes them (no secrets); keys left out take their defaults",
  );

/** The keys of the settings a document carries. */
export const DOCUMENT_SETTING_KEYS = Object.keys(documentSettingsSchema.shape) as (keyof z.infer<
  typeof documentSettingsSchema
>)[];

/** One thing an import must be given because the file cannot carry it. */
export const importNeedSchema = z.object({
  path: z
    .string()
    .describe("Where the value goes in the import request: secrets.<name> or secretHeaders.<Name>"),
  label: z.string().describe("What it is, in words"),
  isOptional: z.boolean().describe("Whether the import works without it"),
});
export type ImportNeed = z.infer<typeof importNeedSchema>;

export const integrationDocumentSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT).describe(`Always "${DOCUMENT_FORMAT}"`),
  formatVersion: z.literal(DOCUMENT_FORMAT_VERSION).describe("The document format's version"),
  exportedAt: isoDateTime.optional().describe("When it was exported"),
  exportedFrom: z.string().optional().describe("The address of the LMS Sync it came from (for people)"),
  integration: documentSettingsSchema,
  secretHeaders: z
    .array(headerNameSchema)
    .default([])
    .describe("Names of the secret headers; their values are not in the file and the import asks for them"),
  signing: z
    .boolean()
    .default(false)
    .describe("Whether requests were signed; the import makes a new signing secret and shows it once"),
  needs: z
    .array(importNeedSchema)
    .optional()
    .describe("What the import will ask for (for people; the import works it out from the settings again)"),
});
export type IntegrationDocument = z.output<typeof integrationDocumentSchema>;
export type IntegrationDocumentInput = z.input<typeof integrationDocumentSchema>;

/** The secrets an import of `doc` must be given: the auth type's secret, a client certificate, each secret header. */
export function importNeeds(doc: Pick<IntegrationDocument, "integration" | "secretHeaders">): ImportNeed[] {
  const { authType, authConfig } = doc.integration;
  const needs: ImportNeed[] = [];
  const secret = AUTH[authType].secret;
  if (secret) needs.push({ path: `secrets.${secret.name}`, label: secret.label, isOptional: false });
  if (usesClientCert(authType, authConfig)) {
    needs.push(
      { path: "secrets.clientCertPfx", label: "client certificate (.pfx/.p12)", isOptional: false },
      { path: "secrets.clientCertPassphrase", label: "certificate passphrase", isOptional: true },
    );
  }
  for (const name of doc.secretHeaders) {
    needs.push({ path: `secretHeaders.${name}`, label: `secret header ${name}`, isOptional: false });
  }
  return needs;
}

export const importIntegrationSchema = z.object({
  document: integrationDocumentSchema.describe("The exported file, as it was downloaded"),
  name: z
    .string()
    .trim()
    .min(1)
    .max(INTEGRATION_LIMITS.nameLength)
    .optional()
    .describe("A new name; default: the one in the file"),
  secrets: secretsInputSchema.optional(),
  secretHeaders: secretHeadersInputSchema.optional(),
});
export type ImportIntegrationInput = z.input<typeof importIntegrationSchema>;

export const importReplySchema = z.object({
  integration: integrationOutputSchema.describe("The new integration"),
  signingSecret: z
    .string()
    .nullable()
    .describe("The new signing secret when the file had signing on (shown only now); null otherwise"),
});
