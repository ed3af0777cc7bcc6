"use client";

import { Button } from "./button";

/** The end of a paged table: a note when nothing matches, and a button that loads the next (older) page. */
export function PagedListEnd({
  page,
  isEmpty,
  emptyText,
  moreLabel,
}: {
  page: {
    isPending: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  isEmpty: boolean;
  emptyText: string;
  moreLabel: string;
}) {
  return (
    <>
      {!page.isPending && isEmpty ? (
        <p className="p-8 text-center text-sm text-ink-500">{emptyText}</p>
      ) : null}
      {page.hasNextPage ? (
        <div className="border-t border-ink-100 p-3 text-center">
          <Button variant="secondary" onClick={() => page.fetchNextPage()} disabled={page.isFetchingNextPage}>
            {page.isFetchingNextPage ? "Loading…" : moreLabel}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** A detail panel beside a long table: sticky, so an entry opened low in the list opens where the eye is. */
export function BesideTable({ children }: { children: React.ReactNode }) {
  return (
    <div className="self-start lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      {children}
    </div>
  );
}
