import { describe, expect, it } from "vitest";
import { loggedBody } from "./read-body";

describe("the body as the inbound log keeps it", () => {
  it("cuts at 64 KiB between characters and says so", () => {
    const text = `${"a".repeat(64 * 1024 - 1)}é and more`;
    const kept = loggedBody(new TextEncoder().encode(text), []);
    expect(kept.truncated).toBe(true);
    expect(kept.text).toBe("a".repeat(64 * 1024 - 1));
    expect(loggedBody(new TextEncoder().encode("short"), [])).toEqual({ text: "short", truncated: false });
  });

  it("masks a secret's beginning where the cut falls", () => {
    const secret = "s3cr3t-value-0123456789";
    const text = `${"x".repeat(64 * 1024 - 12)}${secret}`;
    const kept = loggedBody(new TextEncoder().encode(text), [secret]);
    expect(kept.truncated).toBe(true);
    expect(kept.text.endsWith("[redacted]")).toBe(true);
    expect(kept.text).not.toContain(secret.slice(0, 12));
  });

  it("masks every secret it is given and makes NUL bytes storable", () => {
    const kept = loggedBody(new TextEncoder().encode(`{"k":"s3cr3t-value","n":"\u0000"}`), ["s3cr3t-value"]);
    expect(kept.text).toBe('{"k":"[redacted]","n":"\uFFFD"}');
  });
});
