import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText, toStorableText } from "./text";

describe("storable text", () => {
  it("tells NUL bytes and lone surrogates from ordinary and astral text", () => {
    expect(isStorableText("Ærø – 😀 ok")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("a\uD800b")).toBe(false);
    expect(isStorableText("a\uDC00")).toBe(false);
  });

  it("replaces only what cannot be stored, keeping pairs intact", () => {
    expect(toStorableText("x\u0000y\uD83D😀\uDE00z")).toBe("x\uFFFDy\uFFFD😀\uFFFDz");
    const plain = "nothing to do";
    expect(toStorableText(plain)).toBe(plain);
  });

  it("finds the path of the first bad string in a JSON value, keys included", () => {
    expect(findUnstorableText({ a: ["ok", { b: "x\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findUnstorableText({ "k\uD800": 1 })).toEqual(["k\uD800"]);
    expect(findUnstorableText({ a: 1, b: [true, null, "fine"] })).toBeNull();
  });
});
