import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";
import { NOTIFICATION_SEVERITIES } from "./model";

/** `GET /api/notifications?limit=&before=`. */
export const notificationsQuerySchema = z.object({
  limit: limitParam(200, 50, "How many notifications at most, newest first"),
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("The previous page's nextCursor: only older notifications"),
});

export const notificationSchema = z.object({
  id: z.number().describe("The notification's id"),
  integrationId: z.string().nullable().describe("The integration it is about; null when about none"),
  kind: z.string().describe("What happened, for scripts (e.g. integration.auto_disabled)"),
  severity: z.enum(NOTIFICATION_SEVERITIES).describe("How much it matters"),
  title: z.string().describe("One line"),
  body: z.string().describe("The whole message"),
  link: z.string().nullable().describe("The app page to look at, as a path"),
  createdAt: isoDateTime.describe("When it happened"),
  readAt: isoDateTime.nullable().describe("When the caller marked it read; null while unread for them"),
  emailedAt: isoDateTime.nullable().describe("When it was e-mailed; null when not (yet)"),
  emailError: z.string().nullable().describe("Why the e-mail could not be sent"),
});
export type NotificationItem = z.output<typeof notificationSchema>;

export const notificationsOutputSchema = z.object({
  notifications: z.array(notificationSchema).describe("Newest first"),
  unread: z.number().describe("How many the caller has not read, on every page"),
  nextCursor: z.number().nullable().describe("Pass as `before` for older notifications; null at the oldest"),
  asOf: z
    .string()
    .nullable()
    .describe(
      "The database snapshot this page was read in; pass it with upTo to mark read only what the page could see",
    ),
});

const U64 = 2n ** 64n;

/**
 * Whether `text` is a PostgreSQL snapshot as pg_current_snapshot() writes it (`xmin:xmax:xip,…`, each in-progress
 * id in [xmin, xmax), in order), so a forged one is a 400 rather than the database's error.
 */
function isSnapshot(text: string): boolean {
  const m = /^(\d{1,20}):(\d{1,20}):(\d{1,20}(?:,\d{1,20})*)?$/.exec(text);
  if (!m) return false;
  const [xmin, xmax] = [BigInt(m[1]!), BigInt(m[2]!)];
  if (xmin === 0n || xmin > xmax || xmax >= U64) return false;
  let last = xmin;
  for (const xip of (m[3] ?? "").split(",").filter(Boolean).map(BigInt)) {
    if (xip < last || xip >= xmax) return false;
    last = xip;
  }
  return true;
}

export const markReadInputSchema = z.object({
  upTo: z
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("Only up to this notification id (the newest one shown); omit to mark every one"),
  asOf: z
    .string()
    .max(10_000)
    .refine(isSnapshot, "Not a snapshot as the inbox gives it: send the asOf of the page shown")
    .optional()
    .describe("The inbox page's asOf: a notification that page could not see yet stays unread"),
});

/** `/api/notifications/:id/read`. */
export const notificationParams = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe("The notification's id"),
});

export const markReadOutputSchema = z.object({ ok: z.literal(true).describe("Always true") });
