import { describe, expect, it } from "vitest";
import { importNeeds, integrationDocumentSchema } from "./transfer-schemas";

const doc = (integration: Record<string, unknown>, secretHeaders: string[] = []) =>
  integrationDocumentSchema.parse({
    format: "lms-sync.integration",
    formatVersion: 1,
    integration: { name: "HR", endpointUrl: "https://hr.example.com/in", ...integration },
    secretHeaders,
  });

describe("what an import asks for", () => {
  it("names the auth type's secret, a client certificate when one is presented, and each secret header", () => {
    const paths = (d: ReturnType<typeof doc>) =>
      importNeeds(d).map((n) => `${n.path}${n.isOptional ? "?" : ""}`);
    expect(
      paths(
        doc({ authType: "bearer_login", authConfig: { loginUrl: "https://x.example.com", username: "u" } }),
      ),
    ).toEqual(["secrets.password"]);
    expect(paths(doc({ authType: "client_cert" }))).toEqual([
      "secrets.clientCertPfx",
      "secrets.clientCertPassphrase?",
    ]);
    expect(paths(doc({ authType: "oauth2", authConfig: { useClientCert: true } }, ["X-Tenant"]))).toEqual([
      "secrets.clientSecret",
      "secrets.clientCertPfx",
      "secrets.clientCertPassphrase?",
      "secretHeaders.X-Tenant",
    ]);
    expect(paths(doc({ authType: "none" }))).toEqual([]);
  });

  it("refuses a file that is not an export, or carries a key no setting has", () => {
    const bad = integrationDocumentSchema.safeParse({
      format: "lms-sync.integration",
      formatVersion: 2,
      integration: {
        name: "HR",
        endpointUrl: "https://hr.example.com/in",
        authType: "none",
        secrets: { apiKey: "k" },
      },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["formatVersion", "integration"]));
  });
});
