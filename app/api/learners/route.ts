// GET /api/learners?q= — find learners by user name, e-mail or name (at most 10), for the mapping preview
import { getDb } from "@/db/client";
import { searchLearners } from "@/db/queries/learners";
import { withRole } from "@/lib/api/handler";
import { learnerSearchSchema } from "@/lib/learners/schemas";
import { serializeLearner } from "@/lib/learners/serialize";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", learnerSearchSchema, async ({ input }) => {
  const rows = await searchLearners(getDb(), input.q, input.limit);
  return { learners: rows.map(serializeLearner) };
});
