// GET /api/learners/:userName/completions — a learner's latest completions in the record shape the mapping reads
import { getDb } from "@/db/client";
import { loadUserCompletionRecords } from "@/db/queries/completion-records";
import { findLearner } from "@/db/queries/learners";
import { notFound } from "@/lib/api/errors";
import { exampleLearner, exampleRecord } from "@/lib/api/examples";
import { route } from "@/lib/api/handler";
import { learnerParams } from "@/lib/api/params";
import { learnerCompletionsOutputSchema, learnerCompletionsQuerySchema } from "@/lib/learners/schemas";
import { serializeLearner, serializeRecord } from "@/lib/learners/serialize";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/learners/{userName}/completions",
    role: "viewer",
    summary: "A learner's latest completions in the record shape a mapping reads",
    params: learnerParams,
    input: learnerCompletionsQuerySchema,
    output: learnerCompletionsOutputSchema,
    errors: { 404: "No learner has this user name or e-mail" },
    example: { input: { limit: "1" }, output: { learner: exampleLearner, records: [exampleRecord] } },
  },
  async ({ params, input }) => {
    const db = getDb();
    // Next hands the param over decoded once; decoding again would turn "a%2500b" into a NUL after route() checked it
    // and rewrite a name holding "%41".
    const learner = params.userName ? await findLearner(db, params.userName) : undefined;
    if (!learner) return notFound("Learner");
    const records = await loadUserCompletionRecords(db, learner.userName, input.limit);
    return { learner: serializeLearner(learner), records: records.map(serializeRecord) };
  },
);
