// Inputs and replies of the mapping editor's API (learner search, a learner's completions, the preview, saving
// the mapping); shared by the routes, the editor and the OpenAPI document.

import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";
import { mappingSchema } from "@/lib/mapping";
import { traceResultSchema, validationResultSchema } from "@/lib/mapping/output-schemas";

export const MAX_LEARNER_RESULTS = 10;

/** `GET /api/learners?q=`: part of a user name, e-mail or name; empty lists the most recently active. */
export const learnerSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .default("")
    .describe("Part of a user name, e-mail or name; empty lists the learners of the latest completions"),
  limit: limitParam(MAX_LEARNER_RESULTS, MAX_LEARNER_RESULTS, "How many learners at most"),
});

/** `GET /api/learners/:userName/completions?limit=`. */
export const learnerCompletionsQuerySchema = z.object({
  limit: limitParam(50, 20, "How many completions at most, latest first"),
});

const organisationSchema = z.string().nullable().describe("The learner's organisation; null when none");

export const learnerOutputSchema = z.object({
  userName: z.string().describe("The LMS user name"),
  email: z.string().describe("The e-mail address"),
  firstName: z.string().describe("The first name"),
  lastName: z.string().describe("The last name"),
  organisation: organisationSchema,
  completionCount: z.number().describe("How many completions the learner has"),
  lastCompletionAt: isoDateTime
    .nullable()
    .describe("When the learner last completed a course; null if never"),
});
export type LearnerOutput = z.output<typeof learnerOutputSchema>;

/** One completion in the record shape the mapping reads (lib/mapping's CompletionRecord), plus its id. */
export const learnerRecordOutputSchema = z.object({
  completionId: z.number().describe("The completion's id in the LMS"),
  user: z
    .object({
      email: z.string().describe("user.email"),
      userName: z.string().describe("user.userName"),
      firstName: z.string().describe("user.firstName"),
      lastName: z.string().describe("user.lastName"),
      organisation: organisationSchema,
      organisationId: z.number().nullable().describe("user.organisationId; null when none"),
      learningProfiles: z.string().describe("user.learningProfiles, comma-separated"),
    })
    .describe("The learner's fields"),
  activity: z
    .object({
      activityName: z.string().describe("activity.activityName: the course name"),
      activityId: z.number().describe("activity.activityId: the course id"),
    })
    .describe("The course's fields"),
  completion: z
    .object({
      completionDate: isoDateTime.describe("completion.completionDate, UTC"),
      bestCombined: z.number().describe("completion.bestCombined, 0–100"),
      bestScore: z
        .number()
        .nullable()
        .describe("completion.bestScore, 0–100; null when the course has no test"),
    })
    .describe("The completion's fields"),
});
export type LearnerRecord = z.output<typeof learnerRecordOutputSchema>;

export const learnerSearchOutputSchema = z.object({
  learners: z.array(learnerOutputSchema).describe("The learners found, best match first"),
});

export const learnerCompletionsOutputSchema = z.object({
  learner: learnerOutputSchema.describe("The learner"),
  records: z.array(learnerRecordOutputSchema).describe("The learner's latest completions, latest first"),
});

/** `POST /api/integrations/:id/preview`: a learner, and the unsaved mapping to use instead of the saved one. */
export const previewInputSchema = z.object({
  userName: z
    .string()
    .trim()
    .min(1, "Name a learner by user name or e-mail")
    .max(320)
    .describe("The learner, by user name or e-mail"),
  mapping: mappingSchema.optional().describe("An unsaved mapping to preview; absent: the saved one"),
  limit: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe("How many of the latest completions to preview"),
});
export type PreviewInput = z.infer<typeof previewInputSchema>;

/** `PUT /api/integrations/:id/mapping`: the new mapping, and the version the editor started from (409 if stale). */
export const saveMappingInputSchema = z.object({
  mapping: mappingSchema.describe("The new mapping, which replaces the saved one"),
  baseVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("The mapping version the change was made from; a 409 says when it is no longer the latest"),
});
export type SaveMappingInput = z.infer<typeof saveMappingInputSchema>;

const observedNumbers = z.array(z.number());

/** Distinct values of the numeric result fields in recent completions, by field name. */
export const observedValuesSchema = z
  .object({
    "completion.bestCombined": observedNumbers.describe("Values of completion.bestCombined seen lately"),
    "completion.bestScore": observedNumbers.describe("Values of completion.bestScore seen lately"),
  })
  .describe("Distinct values of the numeric result fields in recent completions, for a statusMap to cover");
export type ObservedValues = z.output<typeof observedValuesSchema>;

export const previewOutputSchema = z.object({
  userName: z.string().describe("The learner's user name"),
  mappingVersion: z
    .number()
    .nullable()
    .describe("The saved mapping version the preview used; null when the request carried its own mapping"),
  validation: validationResultSchema.describe("The mapping's errors and warnings"),
  previews: z
    .array(
      z.object({
        record: learnerRecordOutputSchema.describe("The completion as the mapping reads it"),
        trace: traceResultSchema.describe("The payload, and each entry's way to it"),
      }),
    )
    .describe("One per completion, latest first"),
  observedValues: observedValuesSchema,
});
export type PreviewOutput = z.output<typeof previewOutputSchema>;
