import Link from "next/link";
import type { ReactNode } from "react";
import { InboxLink } from "@/components/notifications/inbox-link";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export type ShellUser = { name: string; email: string; role: "admin" | "viewer" };

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-4 sm:px-6">
          <Link href="/integrations" className="flex items-center gap-2 font-semibold text-slate-900">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
              LS
            </span>
            LMS Sync
          </Link>
          <NavLinks />
          <div className="ml-auto flex items-center gap-4">
            <InboxLink />
            <div className="text-right text-sm leading-tight" data-testid="signed-in-user">
              <div className="font-medium text-slate-900">{user.name}</div>
              <div className="text-xs text-slate-500">
                {user.email} · {user.role}
              </div>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
