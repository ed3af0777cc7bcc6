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

  it("masks every secret it is given and makes NUL bytes storable", () => {
    const kept = loggedBody(new TextEncoder().encode(`{"k":"s3cr3t-value","n":"\u0000"}`), ["s3cr3t-value"]);
    expect(kept.text).toBe('{"k":"[redacted]","n":"\uFFFD"}');
  });
});
