import { DrizzleQueryError } from "drizzle-orm";

/**
 * An error as text for a log or a run's message. A failed query says its statement and the database's own message
 * (and code), never its parameters: drizzle's message lists them, and they hold request bodies, learners' data and
 * encrypted secrets.
 */
export function errorText(error: unknown): string {
  if (error instanceof DrizzleQueryError) {
    const cause = error.cause as { message?: string; code?: string } | undefined;
    const said = cause?.message ?? "no answer";
    return `a database query failed: ${said}${cause?.code ? ` (${cause.code})` : ""}; query: ${error.query.replace(/\s+/g, " ").trim()}`;
  }
  if (error instanceof Error)
    return error.cause instanceof DrizzleQueryError
      ? `${error.message}: ${errorText(error.cause)}`
      : error.message;
  return String(error);
}
