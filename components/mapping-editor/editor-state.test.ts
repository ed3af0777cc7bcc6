import { describe, expect, it } from "vitest";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { editorReducer, initialState, isDirty, keyForField, moveItem, toMapping } from "./editor-state";

const start = () => initialState([...STANDARD_MAPPING], 1);

describe("the editor state", () => {
  it("starts clean from the saved mapping and gives each entry its own id", () => {
    const s = start();
    expect(toMapping(s.entries)).toEqual([...STANDARD_MAPPING]);
    expect(new Set(s.entries.map((e) => e.id)).size).toBe(STANDARD_MAPPING.length);
    expect(isDirty(s)).toBe(false);
  });

  it("is dirty after an edit and clean again when the edit is undone", () => {
    const s = start();
    const id = s.entries[0]!.id;
    const edited = editorReducer(s, { type: "setKey", id, key: "employee.mail" });
    expect(isDirty(edited)).toBe(true);
    expect(isDirty(editorReducer(edited, { type: "setKey", id, key: "employeeId" }))).toBe(false);
  });

  it("drops an emptied chain instead of saving an empty transforms text", () => {
    const s = start();
    const status = s.entries[4]!;
    const cleared = editorReducer(s, { type: "setTransforms", id: status.id, transforms: "  " });
    expect(toMapping(cleared.entries)[4]).toEqual({ key: "status", source: "completion.bestCombined" });
  });

  it("adds a key named after its field, numbered when the name is taken, and focuses it", () => {
    let s = start();
    s = editorReducer(s, { type: "addField", field: "user.email" });
    const added = s.entries.at(-1)!;
    expect(added).toMatchObject({ key: "email", source: "user.email", transforms: "" });
    expect(s.focusId).toBe(added.id);
    s = editorReducer(s, { type: "addField", field: "user.email" });
    expect(s.entries.at(-1)!.key).toBe("email2");
    expect(editorReducer(s, { type: "addField", field: "user.nope" })).toBe(s);
  });

  it("adds a constant, removes a key (and its selection) and reorders", () => {
    let s = editorReducer(start(), { type: "addConstant" });
    expect(s.entries.at(-1)).toMatchObject({ key: "constant", source: { const: "" } });
    const first = s.entries[0]!.id;
    s = editorReducer(s, { type: "select", id: first });
    s = editorReducer(s, { type: "remove", id: first });
    expect(s.selectedId).toBeNull();
    expect(s.entries.map((e) => e.key).slice(0, 2)).toEqual(["courseName", "completedOn"]);
    s = editorReducer(s, { type: "move", from: 4, to: 0 });
    expect(s.entries.map((e) => e.key)).toEqual([
      "organisation",
      "courseName",
      "completedOn",
      "score",
      "status",
      "constant",
    ]);
  });

  it("moves the baseline on save but keeps the entries, and reloads a newer version", () => {
    const s = editorReducer(start(), { type: "setKey", id: "e1", key: "mail" });
    const saved = editorReducer(s, { type: "saved", mapping: toMapping(s.entries), version: 2 });
    expect(saved.entries).toBe(s.entries);
    expect(saved.savedVersion).toBe(2);
    expect(isDirty(saved)).toBe(false);
    const reloaded = editorReducer(saved, {
      type: "load",
      mapping: [{ key: "x", source: "user.email" }],
      version: 3,
    });
    expect(reloaded.entries.map((e) => e.key)).toEqual(["x"]);
    expect(reloaded.entries[0]!.id).not.toBe(s.entries[0]!.id);
  });
});

describe("keyForField and moveItem", () => {
  it("names a key after the last part of the field", () => {
    expect(keyForField("completion.bestScore", [])).toBe("bestScore");
  });

  it("moves one item and ignores indexes out of range", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });
});

describe("the editor as it opens", () => {
  const saved = [{ key: "employeeId", source: "user.email" }];
  const draft = [...saved, { key: "course", source: "activity.activityName" }];

  it("opens with this tab's unsaved draft on top of the saved version, still unsaved", () => {
    const state = initialState(saved, 3, draft);
    expect(toMapping(state.entries)).toEqual(draft);
    expect(state.savedJson).toBe(JSON.stringify(saved));
    expect(state.savedVersion).toBe(3);
  });

  it("opens with the saved mapping when there is no draft", () => {
    const state = initialState(saved, 3, null);
    expect(toMapping(state.entries)).toEqual(saved);
    expect(state.savedJson).toBe(JSON.stringify(toMapping(state.entries)));
  });
});
