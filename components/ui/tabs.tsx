"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Page-level tabs as links, so each tab has its own URL; on a narrow screen the row scrolls, not the page. */
export function LinkTabs({ tabs }: { tabs: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="mb-6 flex gap-1 overflow-x-auto border-b border-ink-200">
      {tabs.map((t) => {
        const isActive = t.exact
          ? pathname === t.href
          : pathname === t.href || pathname.startsWith(`${t.href}/`);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={isActive ? "page" : undefined}
            className={`shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-ink-600 hover:text-ink-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
