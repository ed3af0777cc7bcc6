import { randomUUID } from "node:crypto";
import type { ConnectionSettings } from "../types";
import { getTestPki } from "./pki";

/** Settings for a test receiver: a fresh integration id, the test CA trusted, no auth unless overridden. */
export function testSettings(
  endpointUrl: string,
  overrides: Partial<ConnectionSettings> = {},
): ConnectionSettings {
  return {
    integrationId: randomUUID(),
    version: "2026-01-01T00:00:00.000Z",
    endpointUrl,
    authType: "none",
    auth: {},
    secrets: {},
    caBundlePem: getTestPki().ca.certPem,
    timeoutMs: 10_000,
    ...overrides,
  };
}
