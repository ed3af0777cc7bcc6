// The API's one error shape, as zod schemas: the OpenAPI components and the examples of each route use them.

import { z } from "zod";

export const API_ERROR_CODES = [
  "bad_request",
  "invalid_json",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** `{ error: { code, message, details? } }`, with `details` as the route declares it. */
export function apiErrorBodySchema(details: z.ZodType = z.unknown()) {
  return z.object({
    error: z
      .object({
        code: z.enum(API_ERROR_CODES).describe("What kind of error, for scripts to branch on"),
        message: z.string().describe("What went wrong, in words a person can act on"),
        details: details.optional(),
      })
      .describe("The error"),
  });
}

/** One problem with the input: where (a dotted path into the body or query) and what. */
export const inputProblemSchema = z.looseObject({
  path: z.string().describe('Where in the input, dotted ("retrySchedule.2"); empty for the input as a whole'),
  message: z.string().describe("What is wrong there"),
  code: z.string().optional().describe("The kind of problem (zod's issue code, or e.g. invalid_mapping)"),
});

/** A 400's details: every problem at once, so a script author can fix them all in one go. */
export const inputProblemsSchema = z
  .array(inputProblemSchema)
  .describe("Every problem found, each with its path into the input");
