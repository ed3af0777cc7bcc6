// How drags find their target: a field aims at payload keys and "new key", a key at the other keys.

import {
  type CollisionDetection,
  closestCenter,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  pointerWithin,
  rectIntersection,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { asSubject, asTarget } from "./drag-drop";

/**
 * A field lands only on a target it really touches: where the pointer is, or (keyboard) the target the arrow
 * keys centred it on; so it is over nothing when picked up and dropping it beside the list does nothing.
 * A key only meets other keys.
 */
export const editorCollisions: CollisionDetection = (args) => {
  const isField = asSubject(args.active.data.current)?.kind === "field";
  const droppableContainers = args.droppableContainers.filter((c) => {
    const target = asTarget(c.data.current);
    return isField ? target !== null : target?.kind === "entry";
  });
  const scoped = { ...args, droppableContainers };
  if (!isField) return closestCenter(scoped);
  return args.pointerCoordinates ? pointerWithin(scoped) : rectIntersection(scoped);
};

/**
 * Arrow keys: a key moves among the keys (sortableKeyboardCoordinates). A palette field goes Right onto the
 * payload key level with it, then Up and Down from key to key ("new key" last). Each move keeps the key's
 * direction (Down never goes up): the sensor scrolls by that direction and would otherwise misplace the drag.
 */
export const editorKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { context } = args;
  if (asSubject(context.active?.data.current)?.kind !== "field")
    return sortableKeyboardCoordinates(event, args);
  const { collisionRect, droppableContainers, droppableRects, over } = context;
  const code = event.code;
  const isArrow = [KeyboardCode.Right, KeyboardCode.Left, KeyboardCode.Down, KeyboardCode.Up].some(
    (c) => c === code,
  );
  if (!isArrow) return undefined;
  event.preventDefault();
  if (!collisionRect) return undefined;
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => asTarget(c.data.current) !== null)
    .flatMap((c) => {
      const rect = droppableRects.get(c.id);
      return rect ? [{ id: c.id, rect }] : [];
    })
    .sort((a, b) => a.rect.top - b.rect.top);
  const middle = (r: { top: number; height: number }) => r.top + r.height / 2;
  const here = middle(collisionRect);
  const current = targets.findIndex((t) => t.id === over?.id);
  let target: (typeof targets)[number] | undefined;
  if (code === KeyboardCode.Right && current < 0) {
    target = [...targets].sort(
      (a, b) => Math.abs(middle(a.rect) - here) - Math.abs(middle(b.rect) - here),
    )[0];
  } else if (code === KeyboardCode.Down && current >= 0) {
    target = targets.slice(current + 1).find((t) => middle(t.rect) > here);
  } else if (code === KeyboardCode.Up && current >= 0) {
    target = targets
      .slice(0, current)
      .reverse()
      .find((t) => middle(t.rect) < here);
  }
  if (!target) return undefined;
  return {
    x: target.rect.left + target.rect.width / 2 - collisionRect.width / 2,
    y: middle(target.rect) - collisionRect.height / 2,
  };
};
