import type { InboundFieldError } from "./model";

/** What storing one valid item did, or why it was not stored. */
export type ItemOutcome =
  | { ok: true; action: "created" | "updated" | "unchanged" }
  | { ok: false; errors: InboundFieldError[] };

/** A parsed item with its position in the batch. */
export type Indexed<T> = { index: number; item: T };

export const refused = (errors: (InboundFieldError | null)[]): ItemOutcome | null => {
  const found = errors.filter((e): e is InboundFieldError => e !== null);
  return found.length > 0 ? { ok: false, errors: found } : null;
};

/** The constraint PostgreSQL named when it refused a row as a duplicate, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const pg = e as { code?: unknown; constraint_name?: unknown; cause?: unknown };
    if (pg.code === "23505") return typeof pg.constraint_name === "string" ? pg.constraint_name : "";
    e = pg.cause;
  }
  return null;
}
