import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { resetSettingsCache } from "@/lib/settings";
import { crossSiteRefusal, unstorableTextRefusal } from "./request-guards";

const session: Actor = { id: "u", email: "a@t.local", name: "A", role: "admin", via: "session" };
const token: Actor = { ...session, via: "token" };

function post(headers: Record<string, string>, method = "POST") {
  return new Request("http://localhost:3000/api/integrations", { method, headers, body: "{}" });
}

afterEach(() => {
  delete process.env.APP_URL;
  resetSettingsCache();
});

describe("cross-site writes", () => {
  it("lets a JSON write from the app's own origin through", () => {
    process.env.APP_URL = "https://lms.example.com";
    resetSettingsCache();
    const ok = post({ "content-type": "application/json; charset=utf-8", origin: "https://lms.example.com" });
    expect(crossSiteRefusal(ok, session)).toBeNull();
  });

  it.each([
    [
      "a form post",
      { "content-type": "application/x-www-form-urlencoded", origin: "https://lms.example.com" },
    ],
    ["text/plain", { "content-type": "text/plain", origin: "https://lms.example.com" }],
    ["another origin", { "content-type": "application/json", origin: "https://lms.example.com:8443" }],
    [
      "another port on the same host",
      { "content-type": "application/json", origin: "http://127.0.0.1:4000" },
    ],
    ["no Origin", { "content-type": "application/json" }],
  ])("refuses %s from a cookie session with a 403 that says why", async (_name, headers) => {
    process.env.APP_URL = "https://lms.example.com";
    resetSettingsCache();
    const refused = crossSiteRefusal(post(headers), session);
    expect(refused?.status).toBe(403);
    expect(refused).not.toBeNull();
    expect((await refused!.json()).error.message).toMatch(
      /application\/json|must come from https:\/\/lms\.example\.com/,
    );
  });

  it("does not check reads, or scripts with an API token", () => {
    const form = { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" };
    expect(crossSiteRefusal(post(form), token)).toBeNull();
    const read = new Request("http://localhost:3000/api/integrations", {
      headers: { origin: "https://evil.example" },
    });
    expect(crossSiteRefusal(read, session)).toBeNull();
  });
});

describe("text no database can hold", () => {
  it("names the field with a NUL byte or a lone surrogate", async () => {
    const refused = unstorableTextRefusal({ name: "ok", mapping: [{ key: "a\u0000" }] }, "body");
    expect(refused?.status).toBe(400);
    const body = await refused?.json();
    expect(body.error.details).toEqual([expect.objectContaining({ path: "mapping.0.key" })]);
    expect(unstorableTextRefusal({ q: "\uDC00" }, "query")?.status).toBe(400);
    expect(unstorableTextRefusal({ name: "Ærø 😀" }, "body")).toBeNull();
  });
});
