import { describe, expect, it } from "vitest";
import { buildPayload } from "./build";
import { type CompletionRecord, FIELDS } from "./fields";
import { compileMapping } from "./payload";
import type { MappingEntry } from "./schemas";
import { STANDARD_MAPPING } from "./standard-mapping";
import { sampleRecord } from "./testing";
import { tracePayload } from "./trace";

const SEED_JSON =
  '{"employeeId":"anne@company.com","courseName":"GDPR introduction","completedOn":"2026-04-11T14:32:00Z",' +
  '"score":95,"status":"passed","organisation":"HR department"}';

function json(entries: readonly MappingEntry[], record: CompletionRecord = sampleRecord()): string {
  const result = buildPayload(entries, record);
  return result.ok
    ? JSON.stringify(result.payload)
    : `ERROR ${result.errors.map((e) => e.message).join(" | ")}`;
}

describe("the design's seed example", () => {
  it("gives exactly the documented payload, key order included", () => {
    expect(json(STANDARD_MAPPING)).toBe(SEED_JSON);
  });

  it("gives the same payload for a completionDate sent as ISO text", () => {
    const record = sampleRecord({ completion: { completionDate: "2026-04-11T14:32:00.000Z" } });
    expect(json(STANDARD_MAPPING, record)).toBe(SEED_JSON);
  });

  it("is what compileMapping's builder gives too", () => {
    const compiled = compileMapping(STANDARD_MAPPING);
    expect(compiled.ok && JSON.stringify(compiled.build(sampleRecord()))).toBe(
      `{"ok":true,"payload":${SEED_JSON}}`,
    );
  });

  it("sends a null score as null", () => {
    const record = sampleRecord({ completion: { bestScore: null, bestCombined: 40 } });
    expect(json(STANDARD_MAPPING, record)).toContain('"score":null,"status":null,');
  });
});

describe("keys", () => {
  it("nests on dots and keeps mapping order, parents at their first mention", () => {
    const entries: MappingEntry[] = [
      { key: "employee.id", source: "user.email" },
      { key: "course", source: "activity.activityName" },
      { key: "employee.name.first", source: "user.firstName" },
      { key: "employee.name.last", source: "user.lastName" },
      { key: "kind", source: { const: "completion" } },
    ];
    expect(json(entries)).toBe(
      '{"employee":{"id":"anne@company.com","name":{"first":"Anne","last":"Smith"}},' +
        '"course":"GDPR introduction","kind":"completion"}',
    );
  });

  it("drops an omitted key, and an object all of whose keys were omitted", () => {
    const entries: MappingEntry[] = [
      { key: "a.score", source: "completion.bestScore", transforms: "omitIfNull" },
      { key: "b", source: { const: 1 } },
      { key: "a.org", source: "user.organisation", transforms: "omitIfNull" },
      { key: "c.d.e", source: { const: null }, transforms: "omitIfNull" },
    ];
    expect(json(entries)).toBe('{"a":{"score":95,"org":"HR department"},"b":1}');
    const bare = sampleRecord({ completion: { bestScore: null } });
    bare.user.organisation = null;
    expect(json(entries, bare)).toBe('{"b":1}');
  });

  it("omits at the omitIfNull step, so a later default does not bring the key back", () => {
    const entries: MappingEntry[] = [
      { key: "s", source: "completion.bestScore", transforms: "omitIfNull | default:0" },
    ];
    expect(json(entries, sampleRecord({ completion: { bestScore: null } }))).toBe("{}");
    const later: MappingEntry[] = [
      { key: "s", source: "completion.bestScore", transforms: "default:0 | omitIfNull" },
    ];
    expect(json(later, sampleRecord({ completion: { bestScore: null } }))).toBe('{"s":0}');
  });

  it("sends a __proto__ key as a plain key instead of changing the prototype", () => {
    const result = buildPayload([{ key: "__proto__.x", source: { const: 1 } }], sampleRecord());
    expect(result.ok && JSON.stringify(result.payload)).toBe('{"__proto__":{"x":1}}');
    expect(result.ok && Object.getPrototypeOf(result.payload)).toBe(Object.prototype);
  });

  it("refuses conflicting keys instead of building anything", () => {
    const result = buildPayload(
      [
        { key: "a", source: { const: 1 } },
        { key: "a.b", source: { const: 2 } },
      ],
      sampleRecord(),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ index: 1, field: "key" });
  });
});

describe("runtime errors", () => {
  it("name the entry and the step and never give half a payload", () => {
    const entries: MappingEntry[] = [
      { key: "ok", source: "user.email" },
      { key: "n", source: "user.firstName", transforms: "trim | toInt" },
      { key: "d", source: "user.lastName", transforms: "dateFormat:yyyy" },
    ];
    const result = buildPayload(entries, sampleRecord());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatchObject({
      index: 1,
      key: "n",
      step: 1,
      transform: "toInt",
      start: 7,
      end: 12,
    });
    expect(result.errors[0]?.message).toBe(
      'Entry 2 ("n"), in the 2nd transform (toInt): "Anne" is not a number, so toInt cannot convert it.',
    );
    expect(result.errors[1]?.message).toContain(
      'Entry 3 ("d"), in the 1st transform (dateFormat:yyyy): "Smith" is not a date',
    );
  });

  it("name the entry when the record's field has the wrong type", () => {
    const record = sampleRecord();
    (record.user as Record<string, unknown>).email = { at: "x" };
    const result = buildPayload(STANDARD_MAPPING, record);
    expect(!result.ok && result.errors[0]).toMatchObject({ index: 0, field: "source" });
    expect(!result.ok && result.errors[0]?.message).toBe(
      'Entry 1 ("employeeId"): The record\'s user.email should be text; it is object.',
    );
  });

  it("refuse a record that is no object and a date that is no date", () => {
    expect(buildPayload(STANDARD_MAPPING, null as never)).toMatchObject({
      ok: false,
      errors: [{ index: null }],
    });
    const bad = sampleRecord({ completion: { completionDate: "yesterday" } });
    expect(json(STANDARD_MAPPING, bad)).toContain("completion.completionDate is not an ISO 8601 date");
    const invalid = sampleRecord({ completion: { completionDate: new Date(Number.NaN) } });
    expect(json(STANDARD_MAPPING, invalid)).toContain("not a valid date");
  });
});

describe("records the database hands over", () => {
  it("reads numeric text as numbers, lists of profiles as text, and missing fields as null", () => {
    const record = sampleRecord();
    (record.completion as Record<string, unknown>).bestScore = "87.50";
    (record.user as Record<string, unknown>).learningProfiles = ["A", "B"];
    delete (record as Partial<CompletionRecord>).activity;
    const entries: MappingEntry[] = [
      { key: "score", source: "completion.bestScore" },
      { key: "profiles", source: "user.learningProfiles", transforms: "split" },
      { key: "course", source: "activity.activityName" },
    ];
    expect(json(entries, record)).toBe('{"score":87.5,"profiles":["A","B"],"course":null}');
  });
});

describe("the compile cache", () => {
  it("notices an entry edited in place", () => {
    const entries: MappingEntry[] = [{ key: "v", source: "user.email", transforms: "uppercase" }];
    expect(json(entries)).toBe('{"v":"ANNE@COMPANY.COM"}');
    const first = entries[0];
    if (first) first.transforms = "lowercase | concat:<{value}>";
    expect(json(entries)).toBe('{"v":"<anne@company.com>"}');
    entries.push({ key: "w", source: { const: 1 } });
    expect(json(entries)).toBe('{"v":"<anne@company.com>","w":1}');
    const constant = entries[1];
    if (constant) constant.source = { const: 2 };
    expect(json(entries)).toBe('{"v":"<anne@company.com>","w":2}');
  });

  it("gives equal content the same result from a fresh array", () => {
    const make = (): MappingEntry[] => [{ key: "v", source: { const: "x" }, transforms: "uppercase" }];
    expect(json(make())).toBe('{"v":"X"}');
    expect(json(make())).toBe('{"v":"X"}');
  });
});

describe("the field catalogue", () => {
  it("reads every field from a record with the declared type and the documented example", () => {
    const entries = FIELDS.map((f) => ({ key: f.name.replace(".", "_"), source: f.name }));
    const trace = tracePayload(entries, sampleRecord());
    expect(trace.ok).toBe(true);
    for (const [i, field] of FIELDS.entries()) {
      const source = trace.entries[i]?.source;
      expect(source?.type).toBe(field.type);
      expect(source?.value).toBe(field.example);
      expect(field.label.length > 0 && field.description.length > 0).toBe(true);
    }
  });
});
