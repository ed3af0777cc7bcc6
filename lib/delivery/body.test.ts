import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readCappedBody } from "./body";

async function* chunks(count: number, size: number, seen: { n: number }) {
  for (let i = 0; i < count; i++) {
    seen.n += 1;
    yield new Uint8Array(size).fill(0x61);
  }
}

describe("readCappedBody", () => {
  it("keeps a small body whole", async () => {
    const seen = { n: 0 };
    expect(await readCappedBody(chunks(3, 10, seen))).toEqual({ text: "a".repeat(30), truncated: false });
  });

  it("stops reading at the cap and flags the cut", async () => {
    const seen = { n: 0 };
    const { text, truncated } = await readCappedBody(chunks(10_000, 16 * 1024, seen));
    expect(truncated).toBe(true);
    expect(text.length).toBe(MAX_BODY_BYTES);
    // 4 chunks fill the cap, the 5th crosses it; nothing after that is pulled from the stream.
    expect(seen.n).toBe(5);
  });

  it("does not break a body of exactly the cap", async () => {
    const seen = { n: 0 };
    const { truncated } = await readCappedBody(chunks(4, 16 * 1024, seen));
    expect(truncated).toBe(false);
  });
});
