/**
 * One page of a newest-first list read with one row more than `limit` (that row only says whether there is more):
 * the page, and the cursor for the next (the page's last id), or null on the last page.
 */
export function keysetPage<T extends { id: number }>(
  rows: T[],
  limit: number,
): { page: T[]; nextCursor: number | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
