"use client";

import { useEffect, useRef } from "react";

const DEFAULT_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

function isInAppNavigation(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (
    !(anchor instanceof HTMLAnchorElement) ||
    anchor.target === "_blank" ||
    anchor.hasAttribute("download")
  ) {
    return null;
  }
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  return url.pathname === window.location.pathname && url.search === window.location.search ? null : anchor;
}

// Marks the extra history entry that catches the browser's Back button (see useUnsavedChangesGuard).
const GUARD = "__lmsSyncUnsavedGuard";

const isGuardEntry = (state: unknown) =>
  typeof state === "object" && state !== null && (state as Record<string, unknown>)[GUARD] === true;

/** A copy of the current entry for the same URL, marked; Next's own state is kept so its router still owns it. */
function pushGuardEntry(): void {
  if (isGuardEntry(window.history.state)) return;
  window.history.pushState({ ...(window.history.state ?? {}), [GUARD]: true }, "", window.location.href);
}

/**
 * Asks before unsaved changes are lost: the browser's own prompt on reload, close and typed URLs, a confirm on
 * in-app links (caught on window in the capture phase, before Next's Link handles the click), and a confirm on the
 * browser's Back button. For Back, a marked copy of the current history entry goes on top once there are changes:
 * Back lands on the real entry (same URL, nothing changes on screen) and asks; staying puts the copy back, leaving
 * (or having saved meanwhile) goes back once more, so one press still leaves.
 */
export function useUnsavedChangesGuard(hasUnsavedChanges: boolean, message = DEFAULT_MESSAGE): void {
  const dirty = useRef(hasUnsavedChanges);
  const text = useRef(message);
  const guarded = useRef(false); // a marked copy of this page's entry is on top of the real one
  dirty.current = hasUnsavedChanges;
  text.current = message;

  useEffect(() => {
    if (!hasUnsavedChanges || guarded.current) return;
    pushGuardEntry();
    guarded.current = true;
  }, [hasUnsavedChanges]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      if (!guarded.current || isGuardEntry(event.state)) return;
      // Back from the marked copy: the user wants to leave this page.
      if (dirty.current && !window.confirm(text.current)) {
        pushGuardEntry();
        return;
      }
      guarded.current = false;
      window.history.back();
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (!isInAppNavigation(event)) return;
      if (window.confirm(message)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, { capture: true });
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, { capture: true });
    };
  }, [hasUnsavedChanges, message]);
}
