// The sign-in limit answers 429 whatever shape the request takes that next-auth would still read as a sign-in.
import { describe, expect, it } from "vitest";
import { apiTestDatabase } from "@/lib/api/test-support/api-test-database";
import { recordLoginResult } from "@/lib/auth/login-limit";
import { POST } from "./route";

const api = apiTestDatabase();

const signIn = (path: string[], body: string, contentType: string) =>
  POST(
    new Request(`http://localhost/api/auth/${path.join("/")}`, {
      method: "POST",
      headers: { "content-type": contentType, "x-forwarded-for": "203.0.113.50" },
      body,
    }),
    { params: Promise.resolve({ nextauth: path }) },
  );

describe("POST /api/auth/callback/credentials while the account is over the limit", () => {
  it.each([
    [
      "a form",
      ["callback", "credentials"],
      "email=locked%40example.com&password=x",
      "application/x-www-form-urlencoded",
    ],
    [
      "an extra path segment",
      ["callback", "credentials", "x"],
      "email=locked%40example.com&password=x",
      "application/x-www-form-urlencoded",
    ],
    [
      "JSON",
      ["callback", "credentials"],
      '{"email":"locked@example.com","password":"x"}',
      "application/json",
    ],
    [
      "JSON behind a form type that names JSON",
      ["callback", "credentials"],
      '{"email":"locked@example.com","password":"x"}',
      "application/x-www-form-urlencoded;x=application/json",
    ],
  ])("is a 429 with Retry-After for %s", async (_what, path, body, contentType) => {
    for (let i = 0; i < 5; i++)
      await recordLoginResult(api.t.db, "locked@example.com", `198.51.100.${i}`, false);
    const r = await signIn(path, body, contentType);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await r.json()).url).toMatch(/error=TooManyAttempts:\d+$/);
  });
});
