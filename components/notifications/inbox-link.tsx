"use client";

import Link from "next/link";
import { useUnreadCount } from "./use-notifications";

/** The header's inbox link with the unread count. */
export function InboxLink() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <Link
      href="/notifications"
      className="relative rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900"
    >
      Notifications
      {unread > 0 ? (
        <span
          data-testid="unread-count"
          className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
        >
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
