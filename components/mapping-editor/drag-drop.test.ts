import { describe, expect, it } from "vitest";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { announceCancel, announceEnd, announceOver, announceStart, asTarget, dropAction } from "./drag-drop";
import { initialState } from "./editor-state";

const { entries } = initialState([...STANDARD_MAPPING], 1);
const [employeeId, courseName, , , , organisation] = entries;
const email = { kind: "field", field: "user.email" } as const;
const userName = { kind: "field", field: "user.userName" } as const;

describe("dropAction", () => {
  it("maps a field dropped on a key, and adds a key for one dropped on 'new key'", () => {
    expect(dropAction(userName, { kind: "entry", id: employeeId!.id }, entries)).toEqual({
      type: "setSource",
      id: employeeId!.id,
      source: "user.userName",
    });
    expect(dropAction(email, { kind: "new-key" }, entries)).toEqual({
      type: "addField",
      field: "user.email",
    });
  });

  it("does nothing for a drop beside the list or onto the key's own source", () => {
    expect(dropAction(email, null, entries)).toBeNull();
    expect(dropAction(email, { kind: "entry", id: employeeId!.id }, entries)).toBeNull();
  });

  it("moves a key dropped on another key to that position", () => {
    const subject = { kind: "entry", id: organisation!.id } as const;
    expect(dropAction(subject, { kind: "entry", id: employeeId!.id }, entries)).toEqual({
      type: "move",
      from: 5,
      to: 0,
    });
    expect(dropAction(subject, { kind: "entry", id: organisation!.id }, entries)).toBeNull();
    expect(dropAction(subject, { kind: "new-key" }, entries)).toBeNull();
  });
});

describe("the announcements", () => {
  it("name the field and the key", () => {
    expect(announceStart(email, entries)).toMatch(/^Picked up field user\.email\./);
    expect(announceOver(userName, { kind: "entry", id: employeeId!.id }, entries)).toBe(
      "Field user.userName is over key employeeId. Drop to map it onto that key.",
    );
    expect(announceEnd(userName, { kind: "entry", id: employeeId!.id }, entries)).toBe(
      "Mapped field user.userName onto key employeeId.",
    );
    expect(announceEnd(email, { kind: "new-key" }, entries)).toBe(
      "Added a new key for field user.email at the end.",
    );
    expect(announceCancel(email, entries)).toBe("Dragging was cancelled; field user.email was not moved.");
  });

  it("give a key's position when it is moved", () => {
    const subject = { kind: "entry", id: courseName!.id } as const;
    expect(announceStart(subject, entries)).toMatch(/^Picked up key courseName at position 2 of 6\./);
    expect(announceOver(subject, { kind: "entry", id: organisation!.id }, entries)).toBe(
      "Key courseName is over position 6 of 6.",
    );
    expect(announceEnd(subject, { kind: "entry", id: organisation!.id }, entries)).toBe(
      "Moved key courseName to position 6 of 6.",
    );
  });
});

describe("asTarget", () => {
  it("reads our drop data and nothing else", () => {
    expect(asTarget({ kind: "entry", id: "e1", sortable: {} })).toEqual({ kind: "entry", id: "e1" });
    expect(asTarget({ kind: "new-key" })).toEqual({ kind: "new-key" });
    expect(asTarget({ something: 1 })).toBeNull();
    expect(asTarget(undefined)).toBeNull();
  });
});
