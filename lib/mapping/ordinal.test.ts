import { describe, expect, it } from "vitest";
import { nthTransform, ordinal } from "./ordinal";
import { validateMapping } from "./validate";

describe("ordinal", () => {
  it("writes English ordinals, teens included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
    expect(nthTransform(1)).toBe("the 2nd transform");
  });
});

describe("transform errors name the step, not a column", () => {
  it('says "in the 2nd transform" and offers the suggestion as text to put in its place', () => {
    const { errors } = validateMapping([
      { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed | uppercse" },
    ]);
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(e?.message).toBe(
      'Entry 1 ("status"), in the 2nd transform: Unknown transform "uppercse". Did you mean "uppercase"?',
    );
    expect(e?.message).not.toMatch(/col|column/i);
    expect(e).toMatchObject({ step: 1, suggestion: "uppercase", start: 23, end: 31 });
  });

  it("counts an empty step, so the position matches what the admin sees between the bars", () => {
    const { errors } = validateMapping([
      { key: "a", source: "user.email", transforms: "trim || lowercase | tz:Europe/Olso" },
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'Entry 1 ("a"), in the 2nd transform: Empty step between two "|"; remove the extra "|".',
      'Entry 1 ("a"), in the 4th transform: Unknown time zone "Europe/Olso". Did you mean "Europe/Oslo"?',
    ]);
    expect(errors[1]?.suggestion).toBe("Europe/Oslo");
  });

  it("suggests a field for an unknown source, and nothing when no field is near", () => {
    const { errors } = validateMapping([
      { key: "a", source: "user.emial" },
      { key: "b", source: "nothing.like.it" },
    ]);
    expect(errors[0]).toMatchObject({ field: "source", suggestion: "user.email" });
    expect(errors[1]?.suggestion).toBeUndefined();
  });
});
