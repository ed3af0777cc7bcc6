// Inputs and replies of the mapping editor's API (learner search, a learner's completions, the preview, saving
// the mapping); shared by the routes, the editor and the OpenAPI document.

import { z } from "zod";
import { mappingSchema, type TraceResult, type ValidationResult } from "@/lib/mapping";

export const MAX_LEARNER_RESULTS = 10;

/** `GET /api/learners?q=`: part of a user name, e-mail or name; empty lists the most recently active. */
export const learnerSearchSchema = z.object({
  q: z.string().trim().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(MAX_LEARNER_RESULTS).default(MAX_LEARNER_RESULTS),
});

/** `GET /api/learners/:userName/completions?limit=`. */
export const learnerCompletionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const learnerOutputSchema = z.object({
  userName: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.string().nullable(),
  completionCount: z.number(),
  lastCompletionAt: z.iso.datetime().nullable(),
});
export type LearnerOutput = z.infer<typeof learnerOutputSchema>;

/** One completion in the record shape the mapping reads (lib/mapping's CompletionRecord), plus its id. */
export const learnerRecordOutputSchema = z.object({
  completionId: z.number(),
  user: z.object({
    email: z.string(),
    userName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    organisation: z.string().nullable(),
    organisationId: z.number().nullable(),
    learningProfiles: z.string(),
  }),
  activity: z.object({ activityName: z.string(), activityId: z.number() }),
  completion: z.object({
    completionDate: z.iso.datetime(),
    bestCombined: z.number(),
    bestScore: z.number().nullable(),
  }),
});
export type LearnerRecord = z.infer<typeof learnerRecordOutputSchema>;

/** `POST /api/integrations/:id/preview`: a learner, and the unsaved mapping to use instead of the saved one. */
export const previewInputSchema = z.object({
  userName: z.string().trim().min(1, "Name a learner by user name or e-mail").max(320),
  mapping: mappingSchema.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type PreviewInput = z.infer<typeof previewInputSchema>;

/** `PUT /api/integrations/:id/mapping`: the new mapping, and the version the editor started from (409 if stale). */
export const saveMappingInputSchema = z.object({
  mapping: mappingSchema,
  baseVersion: z.number().int().min(1).optional(),
});
export type SaveMappingInput = z.infer<typeof saveMappingInputSchema>;

/** Distinct values of the numeric result fields in recent completions, by field name. */
export type ObservedValues = { "completion.bestCombined": number[]; "completion.bestScore": number[] };

export type PreviewOutput = {
  userName: string;
  /** The saved mapping version the preview used, or null when the request carried its own mapping. */
  mappingVersion: number | null;
  validation: ValidationResult;
  previews: { record: LearnerRecord; trace: TraceResult }[];
  observedValues: ObservedValues;
};
