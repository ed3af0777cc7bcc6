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
