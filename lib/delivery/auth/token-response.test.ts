import { describe, expect, it } from "vitest";
import { jwtExpiry, readLoginToken, readOAuthError, readOAuthToken } from "./token-response";

const now = 1_800_000_000_000;
const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

describe("readLoginToken", () => {
  it("reads access_token as a string, with a top-level expires_in", () => {
    expect(readLoginToken({ access_token: "t1", expires_in: 60 }, now)).toEqual({
      value: "t1",
      expiresAt: now + 60_000,
    });
  });
  it("reads access_token as an object with expires_in_seconds", () => {
    expect(readLoginToken({ access_token: { token: "t2", expires_in_seconds: 600 } }, now)).toEqual({
      value: "t2",
      expiresAt: now + 600_000,
    });
  });
  it("falls back to the JWT's exp, then to no expiry", () => {
    expect(readLoginToken({ access_token: jwt({ exp: 1_800_000_100 }) }, now)?.expiresAt).toBe(
      1_800_000_100_000,
    );
    expect(readLoginToken({ access_token: "opaque" }, now)).toEqual({ value: "opaque", expiresAt: null });
  });
  it("refuses answers without a usable token", () => {
    for (const body of [
      null,
      "x",
      [],
      {},
      { access_token: "" },
      { access_token: { expires_in_seconds: 5 } },
      { accessToken: "x" },
    ]) {
      expect(readLoginToken(body, now)).toBeUndefined();
    }
  });
});

describe("jwtExpiry", () => {
  it("reads exp only from well-formed JWTs", () => {
    expect(jwtExpiry(jwt({ exp: 10 }))).toBe(10_000);
    expect(jwtExpiry(jwt({ sub: "x" }))).toBeUndefined();
    expect(jwtExpiry("a.b")).toBeUndefined();
    expect(jwtExpiry("a.!!!.c")).toBeUndefined();
  });
});

describe("OAuth2 answers", () => {
  it("reads token and expires_in (also as a numeric string)", () => {
    expect(readOAuthToken({ access_token: "a", expires_in: "3600", token_type: "Bearer" }, now)).toEqual({
      value: "a",
      expiresAt: now + 3_600_000,
    });
  });
  it("reads the error name and description", () => {
    expect(readOAuthError({ error: "invalid_scope", error_description: "nope" })).toEqual({
      error: "invalid_scope",
      description: "nope",
    });
    expect(readOAuthError({ message: "x" })).toBeUndefined();
  });
});
