// GET /api/learners?q= — find learners by user name, e-mail or name (at most 10), for the mapping preview
import { getDb } from "@/db/client";
import { searchLearners } from "@/db/queries/learners";
import { exampleLearner } from "@/lib/api/examples";
import { route } from "@/lib/api/handler";
import { learnerSearchOutputSchema, learnerSearchSchema } from "@/lib/learners/schemas";
import { serializeLearner } from "@/lib/learners/serialize";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/learners",
    role: "viewer",
    summary: "Find learners by user name, e-mail or name (an exact match first), for the mapping preview",
    input: learnerSearchSchema,
    output: learnerSearchOutputSchema,
    example: { input: { q: "anne" }, output: { learners: [exampleLearner] } },
  },
  async ({ input }) => {
    const rows = await searchLearners(getDb(), input.q, input.limit);
    return { learners: rows.map(serializeLearner) };
  },
);
