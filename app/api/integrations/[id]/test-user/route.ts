// POST /api/integrations/:id/test-user — send test payloads for chosen users, for real; writes nothing
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { examplePayload } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { progressStream, wantsProgress } from "@/lib/api/progress-stream";
import { validateMapping } from "@/lib/mapping";
import {
  type TestExchange,
  testUserEventSchema,
  testUserOutputSchema,
} from "@/lib/testing-tools/output-schemas";
import { testUserInputSchema } from "@/lib/testing-tools/schemas";
import { planTestWithUsers } from "@/lib/testing-tools/test-with-user";

export const dynamic = "force-dynamic";

const url = "https://hr-test.example.com/api/completions";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/test-user",
    role: "admin",
    summary: "Send the payloads of chosen learners' latest completions, for real; writes nothing",
    description:
      "Uses the same attempt code as a sync, with the given (possibly unsaved) mapping. No log row, delivery or " +
      "failure count is written, so the receiver may get a completion twice. With `Accept: application/x-ndjson` " +
      "the reply streams progress, one JSON object per line: the plan (how many completions will be sent), then " +
      "each exchange as it ends, then the whole reply; closing the connection stops the test.",
    params: integrationParams,
    input: testUserInputSchema,
    output: testUserOutputSchema,
    progress: {
      event: testUserEventSchema,
      description: "One line per event: plan, then exchange per completion, then done (or error)",
    },
    errors: {
      400: "The input or the given mapping does not validate",
      404: NO_INTEGRATION,
      409: "The stored settings cannot make a connection (e.g. a secret is missing)",
    },
    example: {
      input: { usernames: ["anne.smith"], target: "test", limit: 1 },
      output: {
        ok: true,
        target: "test",
        url,
        limit: 1,
        results: [
          {
            userName: "anne.smith",
            known: true,
            found: true,
            exchanges: [
              {
                completionId: 90211,
                activityName: "GDPR introduction",
                completionDate: "2026-04-11T14:32:00.000Z",
                request: {
                  method: "POST",
                  url,
                  headers: { "x-api-key": "[redacted]" },
                  body: examplePayload,
                },
                outcome: {
                  ok: true,
                  status: 201,
                  url,
                  method: "POST",
                  requestHeaders: { "x-api-key": "[redacted]" },
                  responseHeaders: { "content-type": "application/json" },
                  responseBody: '{"id":"c-77"}',
                  truncated: false,
                  durationMs: 184,
                },
              },
            ],
          },
        ],
      },
    },
  },
  async ({ params, input, request }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    if (input.mapping) {
      const { errors } = validateMapping(input.mapping);
      if (errors.length > 0) {
        const details = errors.map((e) => ({
          path: e.index === null ? "mapping" : `mapping.${e.index}`,
          message: e.message,
        }));
        return apiError(400, "bad_request", `The mapping does not validate: ${errors[0]!.message}`, details);
      }
    }
    const planned = await planTestWithUsers(getDb(), row, input);
    if (!planned.ok) return apiError(409, "conflict", planned.error);
    if (wantsProgress(request)) {
      return progressStream(request, testUserEventSchema, async (emit, signal) => {
        emit({ type: "plan", plan: planned.plan });
        const { learners } = planned.plan;
        const onExchange = (learner: number, exchange: TestExchange) =>
          emit({ type: "exchange", learner, userName: learners[learner]!.userName, exchange });
        return { type: "done" as const, reply: await planned.send({ signal, onExchange }) };
      });
    }
    // request.signal aborts when the caller goes (Cancel): no more test payloads are sent.
    return planned.send({ signal: request.signal });
  },
);
