// GET /api/integrations/:id/log/:entryId — one log entry, whole, with a curl command to repeat it (secrets masked)
import { z } from "zod";
import { getDb } from "@/db/client";
import { findLogEntry } from "@/db/queries/sync-log-read";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { toCurl } from "@/lib/delivery/curl";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", null, async ({ params }) => {
  const id = uuidParam(params.id);
  const entryId = z.coerce.number().int().positive().safeParse(params.entryId);
  if (!id || !entryId.success) return notFound("Log entry");
  const entry = await findLogEntry(getDb(), id, entryId.data);
  if (!entry) return notFound("Log entry");
  return {
    entry,
    curl: toCurl({
      method: "POST",
      url: entry.requestUrl,
      requestHeaders: entry.requestHeaders,
      requestBody: entry.requestBody,
    }),
  };
});
