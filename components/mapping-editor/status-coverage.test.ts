import { describe, expect, it } from "vitest";
import { statusMapCoverage } from "./status-coverage";

const observed = { "completion.bestCombined": [0, 50, 100], "completion.bestScore": [40, 95] };

describe("statusMapCoverage", () => {
  it("warns about values that occur but are not mapped, and points at the step", () => {
    const chain = "omitIfNull | statusMap:100=passed,0=failed";
    const [w, ...rest] = statusMapCoverage(
      [{ key: "status", source: "completion.bestCombined", transforms: chain }],
      observed,
    );
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ index: 0, missing: [50], start: 13, end: chain.length });
    expect(w?.message).toMatch(/completion\.bestCombined 50/);
  });

  it("is quiet when every value is mapped or there is a * default", () => {
    const entries = [
      { key: "a", source: "completion.bestCombined", transforms: "statusMap:100=passed,0=failed,50=half" },
      { key: "b", source: "completion.bestCombined", transforms: "statusMap:100=passed,*=failed" },
      { key: "c", source: "completion.bestScore", transforms: "statusMap:40=low,95=high" },
    ];
    expect(statusMapCoverage(entries, observed)).toEqual([]);
  });

  it("runs the steps before statusMap, so a round or toInt counts", () => {
    const entries = [{ key: "s", source: "completion.bestScore", transforms: "toString | statusMap:40=low" }];
    expect(statusMapCoverage(entries, observed)[0]?.missing).toEqual([95]);
  });

  it("ignores constants, fields without observed values and chains that do not parse", () => {
    const entries = [
      { key: "a", source: { const: 5 }, transforms: "statusMap:1=x" },
      { key: "b", source: "user.organisationId", transforms: "statusMap:1=x" },
      { key: "c", source: "completion.bestCombined", transforms: "statusMap:100=x | bogus" },
    ];
    expect(statusMapCoverage(entries, observed)).toEqual([]);
  });
});
