import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emailNotification } from "@/lib/notify/send-email";
import { log } from "../logger";

export const payloadSchema = z.object({ notificationId: z.coerce.number().int().positive() });

/** Sends one notification's e-mail; a bad payload is logged and not retried, an SMTP error is retried. */
export const notificationEmail: Task = async (payload) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    log("warn", `notification-email: ignoring bad payload ${JSON.stringify(payload)}`);
    return;
  }
  const result = await emailNotification(getDb(), parsed.data.notificationId);
  if (result.sent)
    log("info", `notification ${parsed.data.notificationId} e-mailed to ${result.to.join(", ")}`);
  else if (result.reason === "no_smtp") {
    log("info", `notification ${parsed.data.notificationId}: in the app only (SMTP_URL is not set)`);
  } else log("warn", `notification ${parsed.data.notificationId} not e-mailed: ${result.reason}`);
};
