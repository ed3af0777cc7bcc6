// GET /api/integrations/:id/log — log entries, filtered (outcome, status, user, time range, text), paged by cursor
import { getDb } from "@/db/client";
import { listLogEntries } from "@/db/queries/sync-log-read";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { logQuerySchema } from "@/lib/sync-log/schemas";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", logQuerySchema, async ({ params, input }) => {
  const id = uuidParam(params.id);
  if (!id) return notFound("Integration");
  const { cursor, limit, ...filter } = input;
  const rows = await listLogEntries(getDb(), id, filter, limit + 1, cursor);
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
});
