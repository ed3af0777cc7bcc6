import Link from "next/link";
import type { ReactNode } from "react";
import { InboxLink } from "@/components/notifications/inbox-link";
import { NavLinks } from "./nav-links";
import { PhoneMenu } from "./phone-menu";
import { SignOutButton } from "./sign-out-button";

export type ShellUser = { name: string; email: string; role: "admin" | "viewer" };

/** Who is signed in, and as what. */
function UserBlock({ user }: { user: ShellUser }) {
  return (
    <div className="min-w-0 text-sm leading-tight" data-testid="signed-in-user">
      <div className="truncate font-medium text-slate-900">{user.name}</div>
      <div className="truncate text-xs text-slate-600">
        {user.email} · {user.role}
      </div>
    </div>
  );
}

export function AppShell({
  user,
  showDemo,
  children,
}: {
  user: ShellUser;
  /** Whether the demo receiver runs here (the demo setup, never production). */
  showDemo: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6 md:gap-8">
          <Link
            href="/integrations"
            className="flex shrink-0 items-center gap-2 font-semibold text-slate-900"
          >
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
              LS
            </span>
            LMS Sync
          </Link>
          <div className="hidden md:block">
            <NavLinks showDemo={showDemo} />
          </div>
          <div className="ml-auto flex items-center gap-2 md:gap-4">
            <InboxLink />
            <div className="hidden items-center gap-4 md:flex">
              <UserBlock user={user} />
              <SignOutButton />
            </div>
            <PhoneMenu>
              <NavLinks vertical showDemo={showDemo} />
              <div className="flex items-center justify-between gap-4 border-t border-ink-100 pt-4">
                <UserBlock user={user} />
                <SignOutButton />
              </div>
            </PhoneMenu>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
