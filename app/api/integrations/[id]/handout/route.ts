// GET /api/integrations/:id/handout?format=md|pdf — the handout for the receiver's IT, as Markdown or PDF
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { buildHandout } from "@/lib/handout/build";
import { loadHandoutFacts } from "@/lib/handout/load-facts";
import { handoutMarkdown } from "@/lib/handout/markdown";
import { handoutPdf } from "@/lib/handout/pdf";
import { attachment, downloadName, handoutFileSchema, handoutQuerySchema } from "@/lib/handout/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/handout",
    role: "viewer",
    summary:
      "The handout for the receiver's IT (endpoint, what to provide, addresses, payload, retries), as a file",
    description:
      "Generated from the integration's live settings, its newest completion (the learner made anonymous) and its recent failures; it names secrets but never holds one. When OUTBOUND_IPS is unset it opens one TCP connection to the endpoint to show the address this server connects from.",
    params: integrationParams,
    input: handoutQuerySchema,
    output: handoutFileSchema,
    download: {
      "text/markdown": "The handout in Markdown (format=md)",
      "application/pdf": "The handout as a PDF document (format=pdf)",
    },
    errors: { 404: NO_INTEGRATION },
    example: { input: { format: "pdf" }, output: "# LMS Sync: HR system\n\n## Endpoint\n…" },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    const handout = buildHandout(await loadHandoutFacts(getDb(), row));
    if (input.format === "pdf") {
      const stream = Readable.toWeb(handoutPdf(handout)) as ReadableStream<Uint8Array>;
      return attachment(stream, "application/pdf", downloadName(row.name, "handout.pdf"));
    }
    return attachment(
      handoutMarkdown(handout),
      "text/markdown; charset=utf-8",
      downloadName(row.name, "handout.md"),
    );
  },
);
