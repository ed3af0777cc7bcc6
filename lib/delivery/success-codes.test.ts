import { describe, expect, it } from "vitest";
import { isSuccessStatus, successCodeMatcher } from "./success-codes";

describe("success codes", () => {
  it("defaults to any 2xx", () => {
    for (const spec of [undefined, null, "", "  "]) {
      expect(isSuccessStatus(200, spec)).toBe(true);
      expect(isSuccessStatus(299, spec)).toBe(true);
      expect(isSuccessStatus(300, spec)).toBe(false);
      expect(isSuccessStatus(199, spec)).toBe(false);
    }
  });

  it("reads lists, ranges and classes", () => {
    expect(isSuccessStatus(201, "200,201,202")).toBe(true);
    expect(isSuccessStatus(204, "200,201,202")).toBe(false);
    expect(isSuccessStatus(304, "200-299,304")).toBe(true);
    expect(isSuccessStatus(301, "200-299,304")).toBe(false);
    expect(isSuccessStatus(302, " 2xx , 3XX ")).toBe(true);
    expect(successCodeMatcher("200 - 204")).toMatchObject({ ok: true, ranges: [{ from: 200, to: 204 }] });
  });

  it("explains what is wrong with a bad spec", () => {
    const cases: [string, RegExp][] = [
      ["abc", /"abc" is not a status code/],
      ["200,,201", /empty entry/],
      ["299-200", /backwards/],
      ["600", /not an HTTP status code/],
      ["099", /not an HTTP status code/],
      ["200-700", /outside/],
      ["6xx", /not a status code/],
    ];
    for (const [spec, message] of cases) {
      const result = successCodeMatcher(spec);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(isSuccessStatus(200, spec)).toBe(false);
    }
  });
});
