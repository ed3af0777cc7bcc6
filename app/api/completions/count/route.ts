// GET /api/completions/count?since= — how many completions were recorded since a time (what a new integration
// that sends from then would have waiting)
import { getDb } from "@/db/client";
import { countCompletionsSince } from "@/db/queries/delivery-counts";
import { route } from "@/lib/api/handler";
import { completionCountQuerySchema, completionCountReplySchema } from "@/lib/completions/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/completions/count",
    role: "viewer",
    summary:
      "Count the completions recorded since a time: what a new integration sending from then would send",
    input: completionCountQuerySchema,
    output: completionCountReplySchema,
    example: {
      input: { since: "2026-11-01T00:00:00.000Z" },
      output: { since: "2026-11-01T00:00:00.000Z", completions: 1000 },
    },
  },
  async ({ input }) => ({
    since: input.since,
    completions: await countCompletionsSince(getDb(), input.since),
  }),
);
