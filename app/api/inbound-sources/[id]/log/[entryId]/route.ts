// GET /api/inbound-sources/:id/log/:entryId — one inbound request: its per-item errors and the body as received
import { getDb } from "@/db/client";
import { findInboundLogEntry } from "@/db/queries/inbound-log";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { exampleInboundLogEntry } from "@/lib/inbound/examples";
import { inboundLogEntryParams, inboundLogEntryReplySchema } from "@/lib/inbound/log-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/inbound-sources/{id}/log/{entryId}",
    role: "viewer",
    summary:
      "One inbound request with each refused item's problems and the body (cut at 64 KiB, secrets masked)",
    params: inboundLogEntryParams,
    output: inboundLogEntryReplySchema,
    errors: { 404: "No such entry in this source's log" },
    example: { output: { entry: exampleInboundLogEntry } },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const entryId = Number(params.entryId);
    const entry =
      id && Number.isSafeInteger(entryId) ? await findInboundLogEntry(getDb(), id, entryId) : undefined;
    return entry ? { entry } : notFound("Log entry");
  },
);
