import { describe, expect, it } from "vitest";
import { parseTransforms, TRANSFORMS } from "@/lib/mapping";
import { applySuggestion, stepBounds, suggestChain } from "./chain-suggest";

const labels = (chain: string, caret = chain.length, zones: string[] = []) =>
  suggestChain(chain, caret, zones).map((s) => s.label);

describe("suggestChain", () => {
  it("offers every transform in an empty chain or after a |", () => {
    expect(labels("")).toEqual(TRANSFORMS.map((t) => t.name).slice(0, 8));
    expect(labels("trim | ")).toHaveLength(8);
  });

  it("completes a transform name by prefix first, then by what it contains", () => {
    expect(labels("to")).toEqual(["toString", "toInt"]);
    expect(labels("case")).toEqual(["lowercase", "uppercase"]);
    expect(labels("trim | up")).toEqual(["uppercase"]);
  });

  it("adds the colon for transforms that take an argument, and puts the caret after it", () => {
    const [s] = suggestChain("trim | dateF", 12);
    expect(s).toMatchObject({ kind: "transform", insert: "dateFormat:", from: 7, to: 12 });
    expect(applySuggestion("trim | dateF", s!)).toEqual({ chain: "trim | dateFormat:", caret: 18 });
  });

  it("replaces only the name of a step that already has an argument", () => {
    const chain = "statsMap:100=passed";
    const [s] = suggestChain(chain, 4);
    expect(s).toMatchObject({ insert: "statusMap" });
    expect(applySuggestion(chain, s!).chain).toBe("statusMap:100=passed");
  });

  it("does not offer what is already written", () => {
    expect(labels("toInt")).toEqual([]);
  });

  it("suggests arguments after the colon, date formats with what they print", () => {
    const dates = suggestChain("dateFormat:", 11);
    expect(dates.map((d) => d.label)).toContain("yyyy-MM-dd");
    expect(dates.find((d) => d.label === "yyyy-MM-dd")?.detail).toBe('→ "2026-04-11"');
    expect(dates.find((d) => d.label === "epoch")?.detail).toBe("→ 1775917920");
    expect(labels("dateFormat:dd").slice(0, 2)).toEqual(["dd.MM.yyyy HH:mm", "dd.MM.yyyy"]);
    expect(labels("dateFormat:dd")).toContain("yyyy-MM-dd");
    expect(labels("statusMap:")).toContain("100=passed,0=failed");
  });

  it("offers time zones after tz: from the list it is given", () => {
    expect(labels("tz:Osl", 6, ["Europe/Oslo", "Europe/Berlin", "America/New_York"])).toEqual([
      "Europe/Oslo",
    ]);
  });

  it("replaces the whole argument of the step the caret is in, not the next step", () => {
    const chain = "round:5 | trim";
    const s = suggestChain(chain, 6).find((x) => x.label === "2")!;
    expect(applySuggestion(chain, s).chain).toBe("round:2 | trim");
  });

  it("offers only arguments that parse", () => {
    for (const t of TRANSFORMS) {
      if (!t.syntax.includes(":")) continue;
      for (const s of suggestChain(`${t.name}:`, t.name.length + 1, ["Europe/Oslo"])) {
        expect(parseTransforms(`${t.name}:${s.insert}`).ok, `${t.name}:${s.insert}`).toBe(true);
      }
    }
  });
});

describe("stepBounds", () => {
  it("finds the step around the caret, skipping escaped bars", () => {
    expect(stepBounds("a | b | c", 4)).toEqual({ start: 3, end: 6 });
    expect(stepBounds("concat:x\\|y | trim", 5)).toEqual({ start: 0, end: 12 });
    // As in the parser, a backslash escapes only "|", "," and "=", so the second one escapes the "|".
    expect(stepBounds("concat:x\\\\|y", 12)).toEqual({ start: 0, end: 12 });
    expect(stepBounds("concat:x\\y|trim", 12)).toEqual({ start: 11, end: 15 });
  });

  it("agrees with the parser on where each step is", () => {
    for (const chain of [
      "concat:a\\|b | trim",
      "statusMap:1=a\\,b,*=c|toString",
      "concat:x\\\\|y|trim",
      " trim |  toInt ",
    ]) {
      const parsed = parseTransforms(chain);
      if (!parsed.ok) throw new Error(chain);
      for (const step of parsed.steps) {
        const bounds = stepBounds(chain, step.start);
        expect(bounds.start <= step.start && step.end <= bounds.end, chain).toBe(true);
      }
    }
  });
});
