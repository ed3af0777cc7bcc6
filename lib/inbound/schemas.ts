import { z } from "zod";
import {
  inboundItemErrorsSchema,
  inboundKindSchema,
  inboundOutcomeSchema,
  INBOUND_LIMITS as L,
} from "./model";

// What an external system sends to POST /api/inbound/:sourceId, and what it gets back. One shape per kind; a body
// is one item with its `type`, or a batch `{ "type", "items": [...] }` of up to 1,000.

const text = () => z.string().trim().min(1).max(L.textLength);
const name = (what: string) => text().describe(what);
const positive = () => z.number().int().positive();
const id = (what: string) => positive().describe(what);

/** One of two ways to name a thing, never both: an item that names it twice could name two things. */
function oneOf<T extends z.ZodObject>(schema: T, a: string, b: string, required: boolean) {
  return schema.superRefine((item, ctx) => {
    const has = (k: string) => (item as Record<string, unknown>)[k] !== undefined;
    if (has(a) && has(b)) ctx.addIssue({ code: "custom", path: [b], message: `Give ${a} or ${b}, not both` });
    else if (required && !has(a) && !has(b))
      ctx.addIssue({ code: "custom", path: [a], message: `Give ${a} or ${b}` });
  });
}

const userFields = z.object({
  userName: name("The learner's user name in the LMS: the key an update is matched by"),
  email: z.email().max(320).toLowerCase().describe("The learner's e-mail address (stored in lower case)"),
  firstName: name("The learner's first name"),
  lastName: name("The learner's last name"),
  organisationId: positive()
    .nullable()
    .optional()
    .describe("The learner's organisation, by its LMS id; null for none, left out keeps the stored one"),
  organisationName: text()
    .nullable()
    .optional()
    .describe(
      "The learner's organisation, by its exact name; created when missing if the source may create; null for none",
    ),
  learningProfiles: z
    .array(name("A learning profile's exact name"))
    .max(L.learningProfiles)
    .optional()
    .describe(
      "The learner's learning profiles, all of them (an update replaces the set; [] removes every one); left out keeps them",
    ),
  active: z
    .boolean()
    .optional()
    .describe("Whether the learner is active; new learners are active, left out keeps the stored value"),
});

/** A learner, created or updated by user name. Organisation by id or by name; left out keeps the stored one. */
const userRules = <T extends z.ZodObject>(fields: T) =>
  oneOf(fields, "organisationId", "organisationName", false);
export const inboundUserSchema = userRules(userFields);
export type InboundUser = z.output<typeof inboundUserSchema>;

/** Years PostgreSQL and people mean: 1970–9999. */
const completionDate = z.iso
  .datetime({ offset: true, error: "Give an ISO 8601 date and time, such as 2026-04-11T14:32:00Z" })
  .refine((s) => {
    // Text that is no date at all is the format check's problem, said once.
    const year = new Date(s).getUTCFullYear();
    return Number.isNaN(year) || (year >= 1970 && year <= 9999);
  }, "Use a date between 1970 and 9999")
  .describe("When the learner completed the activity (ISO 8601 with a time zone); part of the matching key");

const percent = () => z.number().min(0).max(100);

const completionFields = z.object({
  userName: name("The learner, by LMS user name").optional(),
  email: z.email().max(320).toLowerCase().optional().describe("The learner, by e-mail address"),
  activityId: id("The activity (course), by its LMS id").optional(),
  activityName: name(
    "The activity (course), by its exact name; created when missing if the source may create",
  ).optional(),
  completionDate,
  bestCombined: percent().describe("The learner's best combined result, 0–100 (100 = passed)"),
  bestScore: percent()
    .nullable()
    .default(null)
    .describe("The learner's best score, 0–100; null (or left out) when the activity has no score"),
});

/**
 * A completion, created or updated by learner, activity and completion date: a changed score is recorded as a new
 * revision, so the sync sends it again.
 */
const completionRules = <T extends z.ZodObject>(fields: T) =>
  oneOf(oneOf(fields, "userName", "email", true), "activityId", "activityName", true);
export const inboundCompletionSchema = completionRules(completionFields);
export type InboundCompletion = z.output<typeof inboundCompletionSchema>;

/** The schema of one item of each kind. */
export const INBOUND_ITEM_SCHEMAS = {
  users: inboundUserSchema,
  completions: inboundCompletionSchema,
} as const;

const batch = <T extends z.ZodType>(type: "users" | "completions", item: T) =>
  z
    .object({
      type: z.literal(type).describe("What the items are"),
      items: z.array(item).min(1).max(L.maxItems).describe(`Up to ${L.maxItems} items`),
    })
    .describe(`A batch of ${type}`);

const typed = <T extends z.ZodObject>(fields: T, type: "users" | "completions") =>
  fields.extend({ type: z.literal(type).describe("What the object is") });

/** The documented body: a batch, or one object with its `type`. The receiver checks each item on its own. */
export const inboundBodySchema = z.union([
  batch("users", inboundUserSchema),
  batch("completions", inboundCompletionSchema),
  userRules(typed(userFields, "users")).describe("One user"),
  completionRules(typed(completionFields, "completions")).describe("One completion"),
]);

/** The envelope as the receiver reads it first: the kind, and the items (a single object is one item). */
export const inboundEnvelopeSchema = z.looseObject({
  type: inboundKindSchema,
  items: z.array(z.unknown()).min(1).max(L.maxItems).optional(),
});

export const inboundItemResultSchema = z.object({
  index: z.number().int().describe("The item's position in `items` (0 for a single object)"),
  ok: z.boolean().describe("Whether the item was stored"),
  action: z
    .enum(["created", "updated", "unchanged"])
    .optional()
    .describe("What storing did: a new record, a changed one, or nothing (the same data again)"),
  errors: inboundItemErrorsSchema.shape.errors.describe("Why the item was not stored; empty when ok"),
});
export type InboundItemResult = z.output<typeof inboundItemResultSchema>;

/** The reply to a batch: one result per item, in order. Valid items are stored even when others are not. */
export const inboundReplySchema = z.object({
  outcome: inboundOutcomeSchema.describe(
    "accepted, partial, failed (no item stored) or replayed (no effect)",
  ),
  logId: z.number().describe("The request's entry in the source's inbound log"),
  replayed: z.boolean().describe("true when this webhook-id was already processed: nothing was done again"),
  ok: z.number().int().describe("Items stored"),
  failed: z.number().int().describe("Items refused"),
  results: z.array(inboundItemResultSchema).describe("One result per item, in order; empty for a replay"),
});
export type InboundReply = z.output<typeof inboundReplySchema>;
