// GET /api/inbound-sources/:id/log — the source's requests, refused ones too, filtered (outcome, proof, time range),
// newest first, paged by cursor
import { getDb } from "@/db/client";
import { listInboundLog } from "@/db/queries/inbound-log";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { keysetPage } from "@/lib/api/keyset-page";
import { exampleInboundLogSummary } from "@/lib/inbound/examples";
import { inboundLogPageSchema, inboundLogQuerySchema } from "@/lib/inbound/log-schemas";
import { inboundSourceParams } from "@/lib/inbound/source-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/inbound-sources/{id}/log",
    role: "viewer",
    summary:
      "An inbound source's log: every request with how it was verified and its item counts, newest first",
    params: inboundSourceParams,
    input: inboundLogQuerySchema,
    output: inboundLogPageSchema,
    errors: { 404: "No inbound source has this id" },
    example: {
      input: { outcome: "partial", limit: "1" },
      output: { entries: [exampleInboundLogSummary], nextCursor: 310 },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    // An unknown id is a 404, as for the export, not an empty page.
    const source = id ? await findInboundSource(getDb(), id) : undefined;
    if (!id || !source) return notFound("Inbound source");
    const { cursor, limit, ...filter } = input;
    const rows = await listInboundLog(getDb(), id, filter, limit + 1, cursor);
    const { page: entries, nextCursor } = keysetPage(rows, limit);
    return { entries, nextCursor };
  },
);
