import { describe, expect, it } from "vitest";
import { mappingSchema } from "./schemas";
import { STANDARD_MAPPING } from "./standard-mapping";
import { validateMapping, validMappingSchema } from "./validate";

/** A message without its "Entry 2 ("b"), in the 1st transform (x): " label. */
const afterLabel = (message: string) => message.slice(message.indexOf(": ") + 2);

describe("validateMapping", () => {
  it("accepts the standard mapping without errors or warnings", () => {
    expect(validateMapping(STANDARD_MAPPING)).toEqual({ errors: [], warnings: [] });
  });

  it("positions chain errors in the chain and names the entry", () => {
    const { errors } = validateMapping([
      { key: "a", source: "user.email" },
      { key: "status", source: "completion.bestCombined", transforms: "round | stausMap:100=passed" },
    ]);
    expect(errors).toEqual([
      {
        index: 1,
        key: "status",
        field: "transforms",
        step: 1,
        start: 8,
        end: 16,
        suggestion: "statusMap",
        message:
          'Entry 2 ("status"), in the 2nd transform: Unknown transform "stausMap". Did you mean "statusMap"?',
      },
    ]);
  });

  it("suggests the nearest field for an unknown source", () => {
    const { errors } = validateMapping([
      { key: "a", source: "user.mail" },
      { key: "b", source: "email" },
      { key: "c", source: "nothing.like.it" },
    ]);
    expect(errors.map((e) => [e.index, e.field, afterLabel(e.message)])).toEqual([
      [0, "source", 'unknown field "user.mail". Did you mean "user.email"?'],
      [1, "source", 'unknown field "email". Did you mean "user.email"?'],
      [2, "source", expect.stringContaining("Known fields: user.email")],
    ]);
  });

  it.each([
    ["", 0, 0, "empty"],
    ["a..b", 1, 3, "empty part"],
    [".a", 0, 1, 'starts with "."'],
    ["a.", 1, 2, 'ends with "."'],
  ])("refuses the key %j at %i-%i", (key, start, end, message) => {
    const { errors } = validateMapping([{ key, source: "user.email" }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 0, field: "key", start, end });
    expect(errors[0]?.message).toContain(message);
  });

  it("refuses duplicate keys and keys that are both a value and an object, on the later entry", () => {
    const { errors } = validateMapping([
      { key: "employee.id", source: "user.email" },
      { key: "employee.id", source: "user.userName" },
      { key: "employee", source: "user.firstName" },
      { key: "course", source: "activity.activityName" },
      { key: "course.id", source: "activity.activityId" },
      { key: "x.y.z", source: "activity.activityId" },
      { key: "x.y", source: "activity.activityId" },
    ]);
    expect(errors.map((e) => [e.index, e.start, e.end, afterLabel(e.message)])).toEqual([
      [1, 0, 11, 'Key "employee.id" is already used by entry 1.'],
      [2, 0, 8, 'Key "employee" is a value here, but entry 1 puts "employee.…" inside it as an object.'],
      [
        4,
        0,
        6,
        'Key "course.id" puts a value inside "course", but entry 4 sends "course" itself as a value.',
      ],
      [6, 0, 3, 'Key "x.y" is a value here, but entry 6 puts "x.y.…" inside it as an object.'],
    ]);
  });

  it("warns where a transform does not fit the field's type, with the step's position", () => {
    const { errors, warnings } = validateMapping([
      { key: "a", source: "user.email", transforms: "trim | dateFormat:yyyy" },
      { key: "b", source: "completion.completionDate", transforms: "round" },
      { key: "c", source: "completion.bestScore", transforms: "split" },
      { key: "d", source: "completion.bestCombined", transforms: "statusMap:100=ok | toInt" },
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.index, w.step, w.transform, w.start, w.end])).toEqual([
      [0, 1, "dateFormat", 7, 22],
      [1, 0, "round", 0, 5],
      [2, 0, "split", 0, 5],
    ]);
    expect(warnings[0]?.message).toBe(
      'Entry 1 ("a"), in the 2nd transform (dateFormat): dateFormat does not fit the value after the 1st transform (trim), which is text: ' +
        "it expects a datetime. It works only where the text is an ISO 8601 date.",
    );
    expect(warnings[1]?.message).toContain("round does not fit completion.completionDate, which is datetime");
    expect(warnings[2]?.message).toContain("The value is turned into text first.");
  });

  it("warns when omitIfNull or default can have no effect", () => {
    const { warnings } = validateMapping([
      { key: "a", source: "user.email", transforms: "omitIfNull" },
      { key: "b", source: "completion.bestScore", transforms: "omitIfNull | default:0" },
      { key: "c", source: "completion.bestCombined", transforms: "statusMap:100=ok | default:no" },
    ]);
    expect(warnings.map((w) => [w.index, w.step, afterLabel(w.message)])).toEqual([
      [0, 0, "omitIfNull has no effect: user.email is never null."],
      [1, 1, "default has no effect: the value after the 1st transform (omitIfNull) is never null."],
    ]);
  });

  it("warns about keys that JSON would reorder or that carry spaces", () => {
    const { errors, warnings } = validateMapping([
      { key: "a", source: "user.email" },
      { key: "2", source: "user.email" },
      { key: " b", source: "user.email" },
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.index)).toEqual([1, 2]);
  });

  it("checks the shape of anything it is given", () => {
    expect(validateMapping("nope" as never).errors).toEqual([
      { index: null, message: "The mapping must be a list of entries." },
    ]);
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, source: "user.email" }));
    expect(validateMapping(tooMany).errors[0]?.message).toContain("at most 200 entries");
    const broken = validateMapping([
      { key: 3, source: "user.email" },
      null,
      { key: "x", source: { const: [] } },
    ] as never);
    expect(broken.errors.map((e) => [e.index, e.field])).toEqual([
      [0, "key"],
      [1, undefined],
      [2, "source"],
    ]);
    expect(validateMapping([]).warnings[0]?.message).toContain("empty");
  });
});

describe("zod schemas", () => {
  it("accept the standard mapping and refuse bad shapes", () => {
    expect(mappingSchema.safeParse(STANDARD_MAPPING).success).toBe(true);
    expect(mappingSchema.safeParse([{ key: "a", source: { const: { x: 1 } } }]).success).toBe(false);
    expect(mappingSchema.safeParse([{ key: "a" }]).success).toBe(false);
    expect(mappingSchema.safeParse(new Array(201).fill({ key: "a", source: "user.email" })).success).toBe(
      false,
    );
  });

  it("validMappingSchema also refuses what validateMapping refuses, with a path to the entry", () => {
    const result = validMappingSchema.safeParse([{ key: "a", source: "user.email", transforms: "nope" }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([0, "transforms"]);
    expect(validMappingSchema.safeParse(STANDARD_MAPPING).success).toBe(true);
  });
});
