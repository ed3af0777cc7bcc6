"use client";

import { useEffect, useRef, useState } from "react";
import { Button, type Variant } from "./button";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `text` to the clipboard and says so: the label turns to "Copied" for two seconds (announced to screen
 * readers), or says that copying failed (a page not served over HTTPS, or a browser that refused) so the admin
 * selects the text instead.
 */
export function CopyButton({
  text,
  label,
  variant = "secondary",
  className,
}: {
  text: string;
  /** The visible label, e.g. "Copy curl"; the accessible name starts with it. */
  label: string;
  variant?: Variant;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2_000);
  };

  return (
    <span className={`inline-flex items-center gap-2 ${className ?? ""}`}>
      <Button type="button" variant={variant} onClick={copy}>
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-red-700">
        {state === "failed" ? "Could not copy: select the text and copy it by hand." : ""}
      </span>
    </span>
  );
}
