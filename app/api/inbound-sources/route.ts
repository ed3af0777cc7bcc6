// GET, POST /api/inbound-sources — the systems that may send data in; an admin adds one and gets its signing secret once
import { getDb } from "@/db/client";
import { listInboundSources } from "@/db/queries/inbound-sources";
import { route } from "@/lib/api/handler";
import { EXAMPLE_SIGNING_SECRET, exampleInboundSource } from "@/lib/inbound/examples";
import {
  createInboundSourceSchema,
  inboundSecretReplySchema,
  inboundSourceListSchema,
} from "@/lib/inbound/source-schemas";
import { createInboundSource, toSourceReply } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/inbound-sources",
    role: "viewer",
    summary: "Every inbound source, newest first, with its URL and when it last sent a request",
    output: inboundSourceListSchema,
    example: { output: { sources: [exampleInboundSource] } },
  },
  async () => {
    const rows = await listInboundSources(getDb());
    return { sources: rows.map((r) => toSourceReply(r.source, r.lastReceivedAt)) };
  },
);

export const POST = route(
  {
    method: "POST",
    path: "/api/inbound-sources",
    role: "admin",
    summary: "Add an inbound source; the reply carries its signing secret, shown this once",
    input: createInboundSourceSchema,
    output: inboundSecretReplySchema,
    status: 201,
    example: {
      input: { name: "HR master data", kinds: ["users", "completions"], createMissing: false },
      output: { source: exampleInboundSource, signingSecret: EXAMPLE_SIGNING_SECRET },
    },
  },
  async ({ input, actor }) => {
    const { row, signingSecret } = await createInboundSource(getDb(), input, actor);
    return { source: toSourceReply(row), signingSecret };
  },
);
