import { describe, expect, it } from "vitest";
import { markPieces } from "./issue-marks";

describe("markPieces", () => {
  it("marks the span of a problem and keeps the rest plain", () => {
    expect(markPieces("trim | bogus", [{ start: 7, end: 12, tone: "error" }])).toEqual([
      { text: "trim | ", tone: null },
      { text: "bogus", tone: "error" },
    ]);
  });

  it("lets an error win over an overlapping warning and keeps separate marks apart", () => {
    const pieces = markPieces("abcdefgh", [
      { start: 2, end: 6, tone: "warning" },
      { start: 4, end: 8, tone: "error" },
      { start: 0, end: 1, tone: "warning" },
    ]);
    expect(pieces).toEqual([
      { text: "a", tone: "warning" },
      { text: "bcd", tone: null },
      { text: "efgh", tone: "error" },
    ]);
  });

  it("shows an empty span as a marked position, and clamps spans to the text", () => {
    expect(markPieces("a||b", [{ start: 2, end: 2, tone: "error" }])).toEqual([
      { text: "a|", tone: null },
      { text: "", tone: "error", isEmpty: true },
      { text: "|b", tone: null },
    ]);
    expect(markPieces("ab", [{ start: 1, end: 9, tone: "error" }])).toEqual([
      { text: "a", tone: null },
      { text: "b", tone: "error" },
    ]);
  });
});
