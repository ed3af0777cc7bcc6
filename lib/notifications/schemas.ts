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
});

export const markReadInputSchema = z.object({
  upTo: z
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("Only up to this notification id (the newest one shown); omit to mark every one"),
});

/** `/api/notifications/:id/read`. */
export const notificationParams = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe("The notification's id"),
});

export const markReadOutputSchema = z.object({ ok: z.literal(true).describe("Always true") });
