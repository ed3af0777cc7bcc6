"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/integrations", label: "Integrations" },
  { href: "/inbound", label: "Inbound" },
  { href: "/demo-receiver", label: "Demo receiver" },
  { href: "/api-docs", label: "API" },
];

/** The main navigation: a row in the header, a column in the phone menu; the demo receiver only where it runs. */
export function NavLinks({ vertical = false, showDemo }: { vertical?: boolean; showDemo: boolean }) {
  const pathname = usePathname();
  const links = showDemo ? LINKS : LINKS.filter((l) => l.href !== "/demo-receiver");
  return (
    <nav aria-label="Main" className={vertical ? "flex flex-col gap-1" : "flex gap-1"}>
      {links.map((l) => {
        const isActive = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={isActive ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
