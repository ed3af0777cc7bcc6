import { z } from "zod";

// The inbound domain's words: what a source may send, how a request was verified, what became of it, and the
// limits. Client-safe (zod and constants only): the pages, the API, the database schema and the receiver import it.

/** What an external system may send: learners, course completions. */
export const INBOUND_KINDS = ["users", "completions"] as const;
export const inboundKindSchema = z.enum(INBOUND_KINDS);
export type InboundKind = z.infer<typeof inboundKindSchema>;

export const INBOUND_KIND_LABELS: Record<InboundKind, string> = {
  users: "Users",
  completions: "Completions",
};

/** How a request proved where it came from: a Standard Webhooks signature, an API token, or not at all. */
export const INBOUND_VERIFICATIONS = ["signature", "token", "none"] as const;
export const inboundVerificationSchema = z.enum(INBOUND_VERIFICATIONS);
export type InboundVerification = z.infer<typeof inboundVerificationSchema>;

/**
 * What became of one request: every item stored (`accepted`), some (`partial`), none though the envelope was good
 * (`failed`), a body that could not be read as a batch (`invalid`: 400 or 413), no valid proof (`refused`: 401), a
 * `webhook-id` already processed (`replayed`: 200, no effect), or a server error that stored nothing (`error`: 500;
 * the sender may retry with the same webhook-id).
 */
export const INBOUND_OUTCOMES = [
  "accepted",
  "partial",
  "failed",
  "invalid",
  "refused",
  "replayed",
  "error",
] as const;
export const inboundOutcomeSchema = z.enum(INBOUND_OUTCOMES);
export type InboundOutcome = z.infer<typeof inboundOutcomeSchema>;

export const INBOUND_OUTCOME_LABELS: Record<InboundOutcome, string> = {
  accepted: "Accepted",
  partial: "Partly accepted",
  failed: "No item stored",
  invalid: "Invalid body",
  refused: "Refused (not verified)",
  replayed: "Replay ignored",
  error: "Server error",
};

/** The outcomes that processed a `webhook-id`: a later request with the same id is a replay. */
export const PROCESSED_OUTCOMES = [
  "accepted",
  "partial",
  "failed",
] as const satisfies readonly InboundOutcome[];

/** The Standard Webhooks secret prefix; the rest is the base64 of the key bytes. */
export const SIGNING_SECRET_PREFIX = "whsec_";

export const INBOUND_LIMITS = {
  nameLength: 120,
  /** A body larger than this is refused with 413, by Content-Length or by the bytes read. */
  maxBodyBytes: 5 * 1024 * 1024,
  maxItems: 1_000,
  /** The log keeps this much of a body, and says when it cut it. */
  loggedBodyBytes: 64 * 1024,
  /** A `webhook-timestamp` further than this from the server's clock is refused (Standard Webhooks: 5 minutes). */
  timestampToleranceSeconds: 5 * 60,
  secretBytes: 32,
  /** How long the previous secret stays valid after a rotation, unless the admin says otherwise. */
  defaultOverlapHours: 24,
  maxOverlapHours: 24 * 30,
  textLength: 200,
  messageIdLength: 200,
  learningProfiles: 100,
} as const;

/** The header names of the Standard Webhooks scheme. */
export const WEBHOOK_HEADERS = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

/** One problem with one item: where in the item (a dotted path; empty for the item as a whole) and what. */
export const inboundFieldErrorSchema = z.object({
  field: z
    .string()
    .describe('Where in the item, dotted ("learningProfiles.2"); empty for the item as a whole'),
  message: z.string().describe("What is wrong there, in words the sender can act on"),
});
export type InboundFieldError = z.infer<typeof inboundFieldErrorSchema>;

/** The problems of one item that was not stored, by its position in the batch. */
export const inboundItemErrorsSchema = z.object({
  index: z.number().int().describe("The item's position in `items` (0 for a single object)"),
  errors: z.array(inboundFieldErrorSchema).describe("Every problem found with the item"),
});
export type InboundItemErrors = z.infer<typeof inboundItemErrorsSchema>;

/** A signing secret as stored: encrypted (lib/crypto), with when it was made and, once replaced, until when it works. */
export type InboundStoredSecret = { ciphertext: string; createdAt: string; validUntil: string | null };
