import { describe, expect, it } from "vitest";
import { missingAuthSecret, usesClientCert } from "./auth-fields";

describe("missingAuthSecret", () => {
  it("asks for the auth type's secret when it is neither stored nor given", () => {
    expect(missingAuthSecret("api_key", [], {})).toEqual({
      path: "secrets.apiKey",
      message: "Enter the API key",
    });
    expect(missingAuthSecret("oauth2", ["apiKey"], undefined)?.path).toBe("secrets.clientSecret");
    expect(missingAuthSecret("basic", [], { password: "" })?.path).toBe("secrets.password");
  });

  it("is satisfied by a stored secret or a new value, and not by clearing it", () => {
    expect(missingAuthSecret("bearer", ["token"], {})).toBeNull();
    expect(missingAuthSecret("bearer", [], { token: "t" })).toBeNull();
    expect(missingAuthSecret("bearer", ["token"], { token: null })?.path).toBe("secrets.token");
  });

  it("needs nothing for no auth and leaves certificates to the certificate check", () => {
    expect(missingAuthSecret("none", [], {})).toBeNull();
    expect(missingAuthSecret("client_cert", [], {})).toBeNull();
  });
});

describe("usesClientCert", () => {
  it("is always on for client_cert and opt-in alongside the other types", () => {
    expect(usesClientCert("client_cert", {})).toBe(true);
    expect(usesClientCert("oauth2", { useClientCert: true })).toBe(true);
    expect(usesClientCert("oauth2", {})).toBe(false);
  });
});
