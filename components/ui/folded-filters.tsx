"use client";

import { type ReactNode, useId, useState } from "react";
import { Button } from "./button";

/**
 * A table's filters. From 768 px they are always shown; below, they fold behind one "Filters" button that says how
 * many are on, and fold again once applied, so the results are in view.
 */
export function FoldedFilters({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  return (
    <div onSubmit={() => setIsOpen(false)}>
      <div className="md:hidden">
        <Button
          variant="secondary"
          aria-expanded={isOpen}
          aria-controls={id}
          onClick={() => setIsOpen((o) => !o)}
          data-testid="filters-toggle"
        >
          Filters{activeCount > 0 ? ` (${activeCount} on)` : ""}
        </Button>
      </div>
      <div id={id} className={isOpen ? "mt-2 md:mt-0" : "hidden md:block"}>
        {children}
      </div>
    </div>
  );
}
