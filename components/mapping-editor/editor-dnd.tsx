"use client";

import {
  type Announcements,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { type Dispatch, type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import { editorCollisions, editorKeyboardCoordinates } from "./dnd-strategy";
import {
  announceCancel,
  announceEnd,
  announceOver,
  announceStart,
  asSubject,
  asTarget,
  type DragSubject,
  dropAction,
} from "./drag-drop";
import type { EditorAction, EditorEntry } from "./editor-state";

const INSTRUCTIONS = {
  draggable:
    "To pick up a field or a payload key, press Space or Enter. A field: the Right arrow moves it onto the " +
    "payload keys, Up and Down choose a key. A key: Up and Down move it. Press Space or Enter to drop, Escape " +
    'to cancel. Without dragging: select a key, then choose "Map" on a field.',
};

/** Drag and drop for the editor: fields onto keys or "new key", keys to reorder; mouse, touch and keyboard. */
export function EditorDnd({
  entries,
  dispatch,
  children,
}: {
  entries: EditorEntry[];
  dispatch: Dispatch<EditorAction>;
  children: ReactNode;
}) {
  // Mouse: a few pixels' move starts a drag, so a click stays a click. Touch: a long press, so a swipe scrolls.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: editorKeyboardCoordinates }),
  );
  // Announcements and drops read the entries as they are at that moment, without rebuilding the context.
  const entriesRef = useRef(entries);
  useLayoutEffect(() => {
    entriesRef.current = entries;
  });
  const [dragged, setDragged] = useState<DragSubject | null>(null);
  // dnd-kit picks the scroll containers that keyboard moves scroll from the node it is over, but reads that
  // node on its next render; rendering once more after each change keeps it from scrolling the palette when
  // the drag is already over the keys.
  const [, setOverId] = useState<string | number | null>(null);

  const announcements = useMemo<Announcements>(() => {
    const subjectOf = (data: unknown) => asSubject(data);
    return {
      onDragStart: ({ active }) => {
        const s = subjectOf(active.data.current);
        return s ? announceStart(s, entriesRef.current) : undefined;
      },
      onDragOver: ({ active, over }) => {
        const s = subjectOf(active.data.current);
        return s ? announceOver(s, asTarget(over?.data.current), entriesRef.current) : undefined;
      },
      onDragEnd: ({ active, over }) => {
        const s = subjectOf(active.data.current);
        return s ? announceEnd(s, asTarget(over?.data.current), entriesRef.current) : undefined;
      },
      onDragCancel: ({ active }) => {
        const s = subjectOf(active.data.current);
        return s ? announceCancel(s, entriesRef.current) : undefined;
      },
    };
  }, []);

  return (
    <DndContext
      id="mapping-editor-dnd"
      sensors={sensors}
      collisionDetection={editorCollisions}
      // No focus restoring: after a keyboard drop onto "new key" the new key's name takes the focus (KeyRow), and
      // dnd-kit would take it back to the palette a frame later; other drops leave the focus where it is.
      accessibility={{ announcements, screenReaderInstructions: INSTRUCTIONS, restoreFocus: false }}
      onDragStart={({ active }) => setDragged(asSubject(active.data.current))}
      onDragOver={({ over }) => setOverId(over?.id ?? null)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={({ active, over }) => {
        setDragged(null);
        const subject = asSubject(active.data.current);
        const action = subject && dropAction(subject, asTarget(over?.data.current), entriesRef.current);
        if (action) dispatch(action);
      }}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragged?.kind === "field" ? (
          <div className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-3 py-1.5 font-mono text-xs font-semibold text-white shadow-lg">
            {dragged.field}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
