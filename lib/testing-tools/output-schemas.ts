// What the connection test and "Test with user" report, as the API sends it. Each schema is checked against the
// type the delivery code produces, so the two cannot part ways unnoticed.

import { z } from "zod";
import { contractIssueSchema } from "@/lib/contract/model";
import { diagnosisClassSchema } from "@/lib/delivery/model";
import type { AttemptOutcome, Diagnosis, TestConnectionResult, TestStage } from "@/lib/delivery/types";
import { certificateDetailsSchema } from "@/lib/integrations/certificate-schemas";
import { testTargetSchema } from "./schemas";

const headersSchema = z.record(z.string(), z.string());

const diagnosisSchema = z
  .object({
    class: diagnosisClassSchema.describe("What kind of failure it was (the sync log stores the same class)"),
    cause: z.string().describe("What most likely went wrong"),
    fix: z.string().describe("What to change"),
  })
  .describe("A failure explained, with what to do about it") satisfies z.ZodType<Diagnosis>;

/** One HTTP attempt as the delivery code reports it: sent headers with secrets masked, the answer as received. */
export const attemptOutcomeSchema = z.object({
  ok: z.boolean().describe("Whether the answer counts as delivered (a success code)"),
  status: z.number().nullable().describe("The HTTP status; null when no answer came"),
  url: z.string().describe("Where the request went"),
  method: z.string().optional().describe("The HTTP method"),
  requestHeaders: headersSchema.describe("The headers as sent, secrets replaced by [redacted]"),
  responseHeaders: headersSchema.describe("The answer's headers"),
  responseBody: z.string().describe("The answer's body (cut at 64 KiB), secrets masked"),
  truncated: z.boolean().describe("Whether the body was cut"),
  durationMs: z.number().describe("How long it took, logins included, in milliseconds"),
  retryAfterMs: z.number().optional().describe("How long the receiver asked to wait (Retry-After)"),
  location: z.string().optional().describe("Where a redirect pointed (redirects are not followed)"),
  error: z
    .object({
      code: z.string().describe("timeout, dns, connection_refused, tls_untrusted, http_status, …"),
      message: z.string().describe("The failure in words"),
    })
    .optional()
    .describe("Why the attempt failed"),
  diagnosis: diagnosisSchema.optional(),
}) satisfies z.ZodType<AttemptOutcome>;

const stageSchema = z.object({
  name: z.enum(["dns", "connect", "tls", "token", "http"]).describe("The stage"),
  ok: z.boolean().describe("Whether it passed"),
  durationMs: z.number().describe("How long it took, in milliseconds"),
  detail: z.string().describe("What happened, in words"),
  certificate: certificateDetailsSchema
    .pick({ subject: true, issuer: true, validTo: true })
    .optional()
    .describe("The server's certificate (tls stage)"),
}) satisfies z.ZodType<TestStage>;

export const testConnectionOutputSchema = z.object({
  target: testTargetSchema.describe("Which URL was tested"),
  result: z
    .object({
      ok: z.boolean().describe("Whether the answer proves the connection works"),
      verdict: z
        .enum(["passed", "reachable", "failed"])
        .describe("reachable: the endpoint answered but authentication is not proven (e.g. 405 to GET)"),
      url: z.string().describe("The URL tested"),
      method: z.enum(["GET", "OPTIONS"]).describe("The method used"),
      stages: z.array(stageSchema).describe("Each stage of the connection, in order"),
      outcome: attemptOutcomeSchema.optional().describe("The HTTP exchange, when it came that far"),
      diagnosis: diagnosisSchema.optional(),
      localAddress: z
        .string()
        .optional()
        .describe(
          "This server's address on the test's connection, as its socket sees it (the receiver may see another behind NAT or a proxy)",
        ),
    })
    .describe("The test, stage by stage") satisfies z.ZodType<TestConnectionResult>,
});

export const exchangeSchema = z.object({
  completionId: z.number().describe("The completion sent"),
  activityName: z.string().describe("Its course"),
  completionDate: z.string().describe("When it was completed (ISO 8601)"),
  payloadErrors: z
    .array(z.string())
    .optional()
    .describe("Why the payload could not be built; nothing was sent"),
  schemaIssues: z
    .array(contractIssueSchema)
    .optional()
    .describe(
      "Where the payload breaks the receiver's JSON Schema, checked before sending; with validate before sending on it was not sent (no request), as a run would not send it",
    ),
  payload: z
    .unknown()
    .optional()
    .describe("The payload that was not sent because it breaks the receiver's schema"),
  request: z
    .object({
      method: z.literal("POST").describe("Always POST"),
      url: z.string().describe("Where it was sent"),
      headers: headersSchema.describe("The headers as sent, secrets masked"),
      body: z.unknown().describe("The payload"),
    })
    .optional()
    .describe("What was sent"),
  outcome: attemptOutcomeSchema.optional().describe("What came back"),
});
export type TestExchange = z.output<typeof exchangeSchema>;

/** What the reply and the plan say of each learner asked for. */
const learnerFields = {
  userName: z.string().describe("The learner as asked for"),
  known: z.boolean().describe("Whether a learner has this user name or e-mail"),
  found: z.boolean().describe("Whether the learner has completions"),
};

/** Which URL, and how many completions per learner: the reply and the plan both say. */
const targetFields = {
  target: testTargetSchema.describe("Which URL is used"),
  url: z.string().describe("That URL"),
  limit: z.number().describe("The most completions sent per learner"),
};

export const testUserOutputSchema = z.object({
  ok: z.literal(true).describe("Always true (a refusal is a 409)"),
  ...targetFields,
  results: z
    .array(
      z.object({
        ...learnerFields,
        exchanges: z.array(exchangeSchema).describe("One per completion, latest first"),
      }),
    )
    .describe("One per learner asked for"),
});
export type TestUserReply = z.output<typeof testUserOutputSchema>;

/** What a Test with user will send, known before the first request leaves: the progress is counted against it. */
export const testUserPlanSchema = z.object({
  ...targetFields,
  total: z.number().describe("How many completions the test goes through, all learners together"),
  learners: z
    .array(
      z.object({
        ...learnerFields,
        completions: z.number().describe("How many of the learner's completions will be sent"),
      }),
    )
    .describe("One per learner asked for, in the order asked"),
});
export type TestUserPlan = z.output<typeof testUserPlanSchema>;

/**
 * One line of Test with user's progress stream (`Accept: application/x-ndjson`): the plan first, then an exchange
 * as each completion's ends, then the whole reply (as the JSON answer would be); or an error that stopped it.
 */
export const testUserEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("plan").describe("First: what the test will send"),
    plan: testUserPlanSchema.describe("The learners and how many completions each"),
  }),
  z.object({
    type: z.literal("exchange").describe("A completion's exchange has ended"),
    learner: z.number().describe("The learner's index in the plan"),
    userName: z.string().describe("That learner as asked for"),
    exchange: exchangeSchema.describe("What was sent and what came back"),
  }),
  z.object({
    type: z.literal("done").describe("Last: the test has ended"),
    reply: testUserOutputSchema.describe("The whole reply, as the JSON answer would be"),
  }),
  z.object({
    type: z.literal("error").describe("Last: the server failed; the failure was logged"),
    error: z
      .object({
        code: z.string().describe("Always internal"),
        message: z.string().describe("What happened, in words that reveal nothing internal"),
      })
      .describe("The failure"),
  }),
]);
export type TestUserEvent = z.output<typeof testUserEventSchema>;
export type TestUserResult = TestUserReply["results"][number];
export type TestConnectionReply = z.output<typeof testConnectionOutputSchema>;
