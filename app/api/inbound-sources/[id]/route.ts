// GET, PATCH, DELETE /api/inbound-sources/:id — one inbound source: read it, change its name, kinds or permission
// to create, or delete it with its log

import { z } from "zod";
import { getDb } from "@/db/client";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { exampleInboundSource } from "@/lib/inbound/examples";
import {
  inboundSourceParams,
  inboundSourceReplySchema,
  updateInboundSourceSchema,
} from "@/lib/inbound/source-schemas";
import { changeInboundSource, removeInboundSource, toSourceReply } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

const path = "/api/inbound-sources/{id}";
const NO_SOURCE = "No inbound source has this id";

export const GET = route(
  {
    method: "GET",
    path,
    role: "viewer",
    summary: "One inbound source, with its URL and the dates of its signing secrets",
    params: inboundSourceParams,
    output: inboundSourceReplySchema,
    errors: { 404: NO_SOURCE },
    example: { output: { source: exampleInboundSource } },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const row = id ? await findInboundSource(getDb(), id) : undefined;
    return row ? { source: toSourceReply(row) } : notFound("Inbound source");
  },
);

export const PATCH = route(
  {
    method: "PATCH",
    path,
    role: "admin",
    summary: "Change an inbound source's name, kinds or permission to create; keys left out keep their value",
    params: inboundSourceParams,
    input: updateInboundSourceSchema,
    output: inboundSourceReplySchema,
    errors: { 404: NO_SOURCE },
    example: {
      input: { createMissing: true },
      output: { source: { ...exampleInboundSource, createMissing: true } },
    },
  },
  async ({ params, input, actor }) => {
    const id = uuidParam(params.id);
    const row = id ? await changeInboundSource(getDb(), id, input, actor) : undefined;
    return row ? { source: toSourceReply(row) } : notFound("Inbound source");
  },
);

export const DELETE = route(
  {
    method: "DELETE",
    path,
    role: "admin",
    summary: "Delete an inbound source and its log; requests to its URL get 404 from then on",
    params: inboundSourceParams,
    output: z.object({ deleted: z.literal(true).describe("The source is gone") }),
    errors: { 404: NO_SOURCE },
    example: { output: { deleted: true } },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const deleted = id ? await removeInboundSource(getDb(), id, actor) : false;
    return deleted ? { deleted: true as const } : notFound("Inbound source");
  },
);
