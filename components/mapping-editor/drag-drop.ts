// What a drag means: the editor action a drop makes, and the screen-reader announcements naming field and key.

import type { EditorAction, EditorEntry } from "./editor-state";

/** What is being dragged: a palette field or a payload key (to reorder it). */
export type DragSubject = { kind: "field"; field: string } | { kind: "entry"; id: string };
/** Where it is over: a payload key, or the "new key" zone. */
export type DropTarget = { kind: "entry"; id: string } | { kind: "new-key" };

export const NEW_KEY_ID = "new-key";
export const fieldDragId = (field: string) => `field:${field}`;

/** The subject or target stored in a dnd-kit `data` ref, if it is one of ours. */
export function asSubject(data: unknown): DragSubject | null {
  const d = data as Partial<DragSubject> | undefined;
  if (d?.kind === "field" && typeof d.field === "string") return { kind: "field", field: d.field };
  if (d?.kind === "entry" && typeof d.id === "string") return { kind: "entry", id: d.id };
  return null;
}

export function asTarget(data: unknown): DropTarget | null {
  const d = data as Partial<DropTarget> | undefined;
  if (d?.kind === "new-key") return { kind: "new-key" };
  if (d?.kind === "entry" && typeof (d as { id?: unknown }).id === "string")
    return { kind: "entry", id: (d as { id: string }).id };
  return null;
}

/** The editor action a drop makes; null when it changes nothing. */
export function dropAction(
  subject: DragSubject,
  target: DropTarget | null,
  entries: readonly EditorEntry[],
): EditorAction | null {
  if (!target) return null;
  if (subject.kind === "field") {
    if (target.kind === "new-key") return { type: "addField", field: subject.field };
    const entry = entries.find((e) => e.id === target.id);
    if (!entry || entry.source === subject.field) return null;
    return { type: "setSource", id: target.id, source: subject.field };
  }
  if (target.kind !== "entry") return null;
  const from = entries.findIndex((e) => e.id === subject.id);
  const to = entries.findIndex((e) => e.id === target.id);
  return from < 0 || to < 0 || from === to ? null : { type: "move", from, to };
}

function keyName(entries: readonly EditorEntry[], id: string): string {
  const entry = entries.find((e) => e.id === id);
  return entry && entry.key !== "" ? `key ${entry.key}` : "an unnamed key";
}

function position(entries: readonly EditorEntry[], id: string): string {
  return `position ${entries.findIndex((e) => e.id === id) + 1} of ${entries.length}`;
}

export function announceStart(subject: DragSubject, entries: readonly EditorEntry[]): string {
  if (subject.kind === "field") {
    return `Picked up field ${subject.field}. Press the Right arrow to move it onto the payload keys, Up and Down to choose a key or "new key", Space to drop it there, Escape to cancel.`;
  }
  return `Picked up ${keyName(entries, subject.id)} at ${position(entries, subject.id)}. Use the arrow keys to move it, Space to drop, Escape to cancel.`;
}

export function announceOver(
  subject: DragSubject,
  target: DropTarget | null,
  entries: readonly EditorEntry[],
): string {
  if (subject.kind === "field") {
    if (!target) return `Field ${subject.field} is not over a payload key.`;
    if (target.kind === "new-key")
      return `Field ${subject.field} is over "new key". Drop to add a key for it.`;
    return `Field ${subject.field} is over ${keyName(entries, target.id)}. Drop to map it onto that key.`;
  }
  if (target?.kind !== "entry") return `${capital(keyName(entries, subject.id))} is not over a position.`;
  return `${capital(keyName(entries, subject.id))} is over ${position(entries, target.id)}.`;
}

export function announceEnd(
  subject: DragSubject,
  target: DropTarget | null,
  entries: readonly EditorEntry[],
): string {
  const action = dropAction(subject, target, entries);
  if (subject.kind === "field") {
    if (!action) return `Field ${subject.field} was dropped; nothing changed.`;
    if (action.type === "addField") return `Added a new key for field ${subject.field} at the end.`;
    return `Mapped field ${subject.field} onto ${target?.kind === "entry" ? keyName(entries, target.id) : "the key"}.`;
  }
  if (action?.type !== "move") return `${capital(keyName(entries, subject.id))} was dropped where it was.`;
  return `Moved ${keyName(entries, subject.id)} to position ${action.to + 1} of ${entries.length}.`;
}

export function announceCancel(subject: DragSubject, entries: readonly EditorEntry[]): string {
  const what = subject.kind === "field" ? `field ${subject.field}` : keyName(entries, subject.id);
  return `Dragging was cancelled; ${what} was not moved.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
