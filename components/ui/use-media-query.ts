"use client";

import { useSyncExternalStore } from "react";

/** Below Tailwind's `md` breakpoint (768 px): the phone layouts (editor tabs, full-screen log entries). */
export const PHONE_MEDIA = "(max-width: 767.98px)";

/** Whether a CSS media query matches now, kept current; `serverValue` while rendering on the server. */
export function useMediaQuery(query: string, serverValue = true): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
