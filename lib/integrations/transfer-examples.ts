import { exampleIntegration } from "@/lib/api/examples";
import { EXAMPLE_SIGNING_SECRET } from "@/lib/inbound/examples";
import {
  DOCUMENT_FORMAT,
  DOCUMENT_SETTING_KEYS,
  type IntegrationDocumentInput,
  importNeeds,
} from "./transfer-schemas";

// The examples the export and import routes show (the contract test validates each against its schema).

const settings = Object.fromEntries(
  DOCUMENT_SETTING_KEYS.map((k) => [k, (exampleIntegration as Record<string, unknown>)[k]]),
) as IntegrationDocumentInput["integration"];

export const exampleDocument = {
  format: DOCUMENT_FORMAT,
  formatVersion: 1,
  exportedAt: "2026-04-20T08:00:00.000Z",
  exportedFrom: "https://lms-sync-test.example.com",
  integration: settings,
  secretHeaders: ["X-Tenant-Key"],
  signing: true,
  needs: importNeeds({ integration: settings as never, secretHeaders: ["X-Tenant-Key"] }),
} satisfies IntegrationDocumentInput;

export const exampleImport = {
  input: {
    document: exampleDocument,
    secrets: { apiKey: "k-51f0c2…" },
    secretHeaders: { "X-Tenant-Key": "t-93ab…" },
  },
  output: { integration: exampleIntegration, signingSecret: EXAMPLE_SIGNING_SECRET },
};
