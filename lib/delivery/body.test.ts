import { describe, expect, it } from "vitest";
import { CappedBody, MAX_BODY_BYTES } from "./body";

const chunk = (size: number, byte = 0x61) => new Uint8Array(size).fill(byte);

/** Feeds chunks until the body refuses one, as the HTTP reader does; returns how many were offered. */
function feed(body: CappedBody, count: number, size: number): number {
  for (let i = 0; i < count; i++) if (!body.add(chunk(size))) return i + 1;
  return count;
}

describe("CappedBody", () => {
  it("keeps a small body whole", () => {
    const body = new CappedBody();
    expect(feed(body, 3, 10)).toBe(3);
    expect(body.text()).toBe("a".repeat(30));
    expect(body.truncated).toBe(false);
  });

  it("stops at the cap and flags the cut", () => {
    const body = new CappedBody();
    // 4 chunks fill the cap, the 5th crosses it and is refused: the reader stops there.
    expect(feed(body, 10_000, 16 * 1024)).toBe(5);
    expect(body.truncated).toBe(true);
    expect(body.text().length).toBe(MAX_BODY_BYTES);
    expect(body.add(chunk(1))).toBe(false);
  });

  it("does not flag a body of exactly the cap", () => {
    const body = new CappedBody();
    expect(feed(body, 4, 16 * 1024)).toBe(4);
    expect(body.truncated).toBe(false);
    expect(body.text().length).toBe(MAX_BODY_BYTES);
  });

  it("decodes UTF-8 split across chunks and an empty body", () => {
    const body = new CappedBody();
    const bytes = Buffer.from("Zoë ✓");
    body.add(bytes.subarray(0, 3));
    body.add(bytes.subarray(3));
    expect(body.text()).toBe("Zoë ✓");
    expect(new CappedBody().text()).toBe("");
  });
});
