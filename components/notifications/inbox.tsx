"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { useInbox } from "./use-notifications";

const TONE = { info: "indigo", warning: "amber", error: "red" } as const;

export function Inbox() {
  const inbox = useInbox();
  const { error, isPending } = inbox;
  const client = useQueryClient();
  const markRead = useMutation({
    // Up to the newest one on screen, as the page saw the inbox: one that arrives meanwhile stays unread.
    mutationFn: (shown: { upTo?: number; asOf?: string }) =>
      fetchJson("/api/notifications/read", { method: "POST", json: shown }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  const markOneRead = useMutation({
    mutationFn: (id: number) => fetchJson(`/api/notifications/${id}/read`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <Alert>Could not load notifications: {error.message}</Alert>;
  const notifications = inbox.data.pages.flatMap((p) => p.notifications);
  const unread = inbox.data.pages[0]?.unread ?? 0;
  if (notifications.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
        No notifications. You will hear here (and by e-mail when SMTP is set) when an integration keeps
        failing.
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button
          variant="secondary"
          onClick={() =>
            markRead.mutate({ upTo: notifications[0]?.id, asOf: inbox.data.pages[0]?.asOf ?? undefined })
          }
          disabled={unread === 0 || markRead.isPending}
        >
          Mark all read
        </Button>
      </div>
      <ul className="space-y-3">
        {notifications.map((n) => (
          <li
            key={n.id}
            data-testid="notification"
            data-read={n.readAt ? "true" : "false"}
            className={`rounded-lg bg-white p-4 shadow-sm ring-1 ${n.readAt ? "ring-slate-200" : "ring-indigo-300"}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex items-center gap-2">
                <Badge tone={TONE[n.severity]}>{n.severity}</Badge>
                <h2 className="text-sm font-semibold">{n.title}</h2>
                {n.readAt ? null : <span className="text-xs font-medium text-indigo-700">unread</span>}
              </div>
              <span className="text-xs text-slate-500">
                <DateTime value={n.createdAt} />
                {n.emailedAt ? " · e-mailed" : n.emailError ? ` · e-mail failed: ${n.emailError}` : ""}
              </span>
            </div>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{n.body}</p>
            <div className="mt-2 flex flex-wrap items-center gap-4 empty:hidden">
              {n.link ? (
                <Link
                  href={n.link}
                  // Opening a notification reads it.
                  onClick={() => (n.readAt ? undefined : markOneRead.mutate(n.id))}
                  className="text-sm font-medium text-indigo-700 hover:underline"
                >
                  Open →
                </Link>
              ) : null}
              {n.readAt ? null : (
                <button
                  type="button"
                  onClick={() => markOneRead.mutate(n.id)}
                  disabled={markOneRead.isPending && markOneRead.variables === n.id}
                  className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline disabled:opacity-50"
                  aria-label={`Mark read: ${n.title}`}
                >
                  Mark read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {inbox.hasNextPage ? (
        <Button variant="secondary" onClick={() => inbox.fetchNextPage()} disabled={inbox.isFetchingNextPage}>
          {inbox.isFetchingNextPage ? "Loading…" : "Older notifications"}
        </Button>
      ) : null}
    </div>
  );
}
