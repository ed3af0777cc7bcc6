import { describe, expect, it } from "vitest";
import { buildPayload, tracePayload, validateMapping } from "@/lib/mapping";
import { sampleRecord } from "@/lib/mapping/testing";
import { issuesByEntry, saveBlocker, suggestionAction, withinEntry } from "./issues";
import { previewPayload } from "./preview-payload";

describe("issuesByEntry", () => {
  it("puts each error under its entry and part, with the entry prefix dropped for the row", () => {
    const mapping = [
      { key: "a", source: "user.emial" },
      { key: "b", source: "user.email", transforms: "trim | bogus" },
      { key: "a", source: "completion.completionDate", transforms: "omitIfNull" },
    ];
    const { entries, general } = issuesByEntry(validateMapping(mapping), mapping.length);
    expect(general).toEqual([]);
    expect(entries[0]?.source).toHaveLength(1);
    expect(withinEntry(entries[0]!.source[0]!)).toBe(
      'Unknown field "user.emial". Did you mean "user.email"?',
    );
    expect(entries[1]?.transforms[0]).toMatchObject({ start: 7, end: 12 });
    expect(entries[2]?.key).toHaveLength(1);
    expect(withinEntry(entries[2]!.warnings[0]!)).toMatch(
      /^In the 1st transform \(omitIfNull\): omitIfNull has no effect/,
    );
  });
});

describe("saveBlocker", () => {
  it("says why Save is off", () => {
    expect(saveBlocker({ errorCount: 2, isDirty: true, isSaving: false })).toBe("Fix 2 errors to save");
    expect(saveBlocker({ errorCount: 0, isDirty: false, isSaving: false })).toBe("No unsaved changes");
    expect(saveBlocker({ errorCount: 0, isDirty: true, isSaving: false })).toBeNull();
    // Someone saved meanwhile: a plain save would be refused, so it is off and the choice is offered instead.
    expect(saveBlocker({ errorCount: 0, isDirty: true, isSaving: false, newerVersion: 4 })).toBe(
      "Version 4 was saved elsewhere: choose below what to keep",
    );
  });
});

describe("previewPayload", () => {
  it("shows the payload of the entries without errors while others have them", () => {
    const record = sampleRecord();
    const mapping = [
      { key: "who", source: "user.email" },
      { key: "bad", source: "user.email", transforms: "bogus" },
      { key: "n", source: "user.firstName", transforms: "toInt" },
      { key: "course", source: "activity.activityName" },
    ];
    const shown = previewPayload(mapping, record, tracePayload(mapping, record));
    expect(shown).toEqual({
      payload: { who: "anne@company.com", course: "GDPR introduction" },
      leftOut: [1, 2],
    });
  });

  it("is the real payload when the mapping builds", () => {
    const record = sampleRecord();
    const mapping = [{ key: "a.b", source: "user.email" }];
    const built = buildPayload(mapping, record);
    expect(previewPayload(mapping, record, tracePayload(mapping, record))).toEqual({
      payload: built.ok ? built.payload : null,
      leftOut: [],
    });
  });
});

describe("suggestionAction", () => {
  it("puts a suggested transform name where the misspelt one was, and a suggested field as the source", () => {
    const entry = { id: "e1", key: "status", source: "user.emial", transforms: "trim | uppercse | toString" };
    const { errors } = validateMapping([entry]);
    const chainError = errors.find((e) => e.field === "transforms");
    const sourceError = errors.find((e) => e.field === "source");
    expect(chainError?.suggestion).toBe("uppercase");
    expect(suggestionAction(entry, "transforms", { ...chainError!, suggestion: "uppercase" })).toEqual({
      type: "setTransforms",
      id: "e1",
      transforms: "trim | uppercase | toString",
    });
    expect(suggestionAction(entry, "source", { ...sourceError!, suggestion: "user.email" })).toEqual({
      type: "setSource",
      id: "e1",
      source: "user.email",
    });
  });
});
