import { describe, expect, it } from "vitest";
import { AUTH, AUTH_TYPES, type AuthTypeName, usesClientCert } from "./auth-types";
import { type SaveRuleInput, saveRuleProblems } from "./save-rules";

const base = (over: Partial<SaveRuleInput> = {}): SaveRuleInput => ({
  authType: "api_key",
  authConfig: {},
  storedSecrets: [],
  scheduleCron: "0 2 * * *",
  scheduleTimeZone: "UTC",
  isProduction: false,
  ...over,
});
const paths = (input: SaveRuleInput) => saveRuleProblems(input).map((p) => p.path);

describe("saveRuleProblems: the auth type's secret", () => {
  it("asks for the auth type's secret when it is neither stored nor given", () => {
    expect(saveRuleProblems(base())).toEqual([{ path: "secrets.apiKey", message: "Enter the API key" }]);
    expect(paths(base({ authType: "bearer", storedSecrets: ["apiKey"] }))).toEqual(["secrets.token"]);
    expect(paths(base({ authType: "bearer", secrets: { token: "" } }))).toEqual(["secrets.token"]);
  });

  it("is satisfied by a stored secret or a new value, and not by clearing it", () => {
    expect(paths(base({ authType: "bearer", storedSecrets: ["token"] }))).toEqual([]);
    expect(paths(base({ authType: "bearer", secrets: { token: "t" } }))).toEqual([]);
    expect(paths(base({ authType: "bearer", storedSecrets: ["token"], secrets: { token: null } }))).toEqual([
      "secrets.token",
    ]);
  });
});

describe("saveRuleProblems: each type's required settings, from its descriptor", () => {
  it.each(AUTH_TYPES.filter((t) => AUTH[t].required.length > 0))(
    "%s names every empty required setting",
    (t) => {
      const secret = AUTH[t].secret;
      const input = base({ authType: t, storedSecrets: secret ? [secret.name] : [] });
      expect(paths(input)).toEqual(AUTH[t].required.map((r) => `authConfig.${r.field}`));
    },
  );

  it("accepts oauth2 with its token URL and client ID, not with blanks", () => {
    const ok = base({
      authType: "oauth2",
      authConfig: { tokenUrl: "https://id.example/token", clientId: "lms" },
      storedSecrets: ["clientSecret"],
    });
    expect(paths(ok)).toEqual([]);
    expect(paths({ ...ok, authConfig: { tokenUrl: "https://id.example/token", clientId: "  " } })).toEqual([
      "authConfig.clientId",
    ]);
  });
});

describe("saveRuleProblems: certificates, production, schedule and mapping", () => {
  it("asks for a certificate when one is presented, stored or uploaded satisfies it", () => {
    expect(paths(base({ authType: "client_cert" }))).toEqual(["secrets.clientCertPfx"]);
    expect(paths(base({ authType: "client_cert", storedSecrets: ["clientCertPem"] }))).toEqual([]);
    const withKey = base({ authConfig: { useClientCert: true }, storedSecrets: ["apiKey"] });
    expect(paths(withKey)).toEqual(["secrets.clientCertPfx"]);
    expect(paths({ ...withKey, secrets: { clientCertPfx: "MIIB" } })).toEqual([]);
  });

  it("refuses a test-only type in production only", () => {
    expect(paths(base({ authType: "none" }))).toEqual([]);
    expect(paths(base({ authType: "none", isProduction: true }))).toEqual(["authType"]);
  });

  it("checks the cron in its time zone and the mapping entries at their index", () => {
    expect(paths(base({ storedSecrets: ["apiKey"], scheduleCron: "every day" }))).toEqual(["scheduleCron"]);
    const mapping = [
      { key: "a", source: "user.email" },
      { key: "b", source: "user.nope" },
    ];
    expect(paths(base({ storedSecrets: ["apiKey"], mapping }))).toEqual(["mapping.1"]);
  });
});

describe("usesClientCert", () => {
  it("is always on for client_cert, opt-in alongside types that allow it, never for none", () => {
    expect(usesClientCert("client_cert", {})).toBe(true);
    expect(usesClientCert("oauth2", { useClientCert: true })).toBe(true);
    expect(usesClientCert("oauth2", {})).toBe(false);
    expect(usesClientCert("none" as AuthTypeName, { useClientCert: true })).toBe(false);
  });
});
