import { z } from "zod";
import { mappingSchema } from "@/lib/mapping";

export const TEST_USER_MAX_COMPLETIONS = 20;
export const TEST_USER_DEFAULT_COMPLETIONS = 5;

export const testTargetSchema = z.enum(["test", "production"]);

const targetInput = testTargetSchema
  .optional()
  .describe(
    "Which URL to use: the test URL or the production endpoint; default: the test URL when there is one",
  );

export const testConnectionInputSchema = z.object({
  target: targetInput,
  method: z
    .enum(["GET", "OPTIONS"])
    .default("GET")
    .describe("GET, or OPTIONS for receivers that only accept POST"),
});
export type TestConnectionInput = z.infer<typeof testConnectionInputSchema>;

export const testUserInputSchema = z.object({
  usernames: z
    .array(z.string().trim().min(1, "Empty user name"))
    .min(1, "Enter at least one user name or e-mail")
    .max(10, "At most 10 learners at a time")
    .describe("The learners, by user name or e-mail"),
  mapping: mappingSchema
    .optional()
    .describe("An unsaved mapping to build the payloads with; absent: the saved one"),
  target: targetInput,
  limit: z
    .number()
    .int()
    .min(1)
    .max(TEST_USER_MAX_COMPLETIONS)
    .default(TEST_USER_DEFAULT_COMPLETIONS)
    .describe("How many of each learner's latest completions to send"),
});
export type TestUserInput = z.infer<typeof testUserInputSchema>;
