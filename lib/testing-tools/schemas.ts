import { z } from "zod";
import { mappingSchema } from "@/lib/mapping";

export const TEST_USER_MAX_COMPLETIONS = 20;
export const TEST_USER_DEFAULT_COMPLETIONS = 5;

export const testTargetSchema = z.enum(["test", "production"]);

export const testConnectionInputSchema = z.object({
  target: testTargetSchema.optional(),
  method: z.enum(["GET", "OPTIONS"]).default("GET"),
});
export type TestConnectionInput = z.infer<typeof testConnectionInputSchema>;

export const testUserInputSchema = z.object({
  usernames: z
    .array(z.string().trim().min(1, "Empty user name"))
    .min(1, "Enter at least one user name or e-mail")
    .max(10, "At most 10 learners at a time"),
  mapping: mappingSchema.optional(),
  target: testTargetSchema.optional(),
  limit: z.number().int().min(1).max(TEST_USER_MAX_COMPLETIONS).default(TEST_USER_DEFAULT_COMPLETIONS),
});
export type TestUserInput = z.infer<typeof testUserInputSchema>;
