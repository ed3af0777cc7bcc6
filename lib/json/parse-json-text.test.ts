import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAndColumn, parseJsonText } from "./parse-json-text";

describe("JSON text from people", () => {
  it("parses valid JSON to its value", () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it("says at which line and column the text goes wrong, and why", () => {
    expect(parseJsonText('{\n  "type": "object",\n  "required": ["a" "b"]\n}')).toEqual({
      ok: false,
      problem: "not valid JSON at line 3, column 20: Expected ',' or ']' after array element",
    });
    expect(parseJsonText('{"a": 1,\n "b": }')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not valid JSON at line 2, column 7: /),
    });
  });

  it("places text that ends too soon at its end", () => {
    expect(parseJsonText('{\n  "a": [1,\n')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not valid JSON at line 3, column 1: .*end of JSON input/),
    });
  });
});

describe("a problem's text", () => {
  it("never repeats the text it was given, short or long, at its start or in its middle (a secret may be in it)", () => {
    const secret = "sk_live_4f9a2b7c1d";
    for (const text of [
      secret,
      `${secret}${"y".repeat(40)}`,
      `{"apiKey": "${secret}" x}`,
      `{"a": 1, "b": zz${secret}${"q".repeat(40)}}`,
      `[1, 2, 3,${" ".repeat(30)}tru${secret}]`,
    ]) {
      const parsed = parseJsonText(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.problem).not.toMatch(/sk_|4f9a|\.\.\./);
      expect(parsed.problem).toMatch(/^not valid JSON at line 1, column \d+: \S/);
    }
  });
});

describe("the place a problem is said at", () => {
  it("is where V8's parser stops, whenever V8 says (300 broken texts)", () => {
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("}", "]", ",", ":", '"', "x", "1", " ", "\n", "\\"))
      .map(([json, at, char]) => {
        const text = JSON.stringify(JSON.parse(json), null, 2);
        const i = at % (text.length + 1);
        return text.slice(0, i) + char + text.slice(i);
      });
    let compared = 0;
    fc.assert(
      fc.property(broken, (text) => {
        let position: number | null = null;
        try {
          JSON.parse(text);
          return;
        } catch (error) {
          const at = /at position (\d+)/.exec(String(error));
          position = at ? Number(at[1]) : null;
        }
        const parsed = parseJsonText(text);
        expect(parsed.ok).toBe(false);
        if (position === null || parsed.ok) return;
        compared++;
        expect(parsed.problem).toContain(`at ${lineAndColumn(text, position)}:`);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
