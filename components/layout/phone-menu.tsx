"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The header's menu below 768 px: one button that opens the navigation, the account and sign-out under the header
 * (closed again on every page change and with Escape).
 */
export function PhoneMenu({ children }: { children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setIsOpen(false), [pathname]);
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setIsOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isOpen]);
  return (
    <div className="md:hidden">
      <Button
        variant="secondary"
        aria-expanded={isOpen}
        aria-controls="phone-menu"
        onClick={() => setIsOpen((o) => !o)}
      >
        Menu
      </Button>
      {isOpen ? (
        <div
          id="phone-menu"
          className="absolute inset-x-0 top-14 z-30 space-y-4 border-b border-ink-200 bg-white px-4 py-4 shadow-md"
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
