import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { listAdminEmails } from "@/db/queries/app-users";
import { findIntegration } from "@/db/queries/integrations";
import { findNotification, markNotificationEmailed } from "@/db/queries/notifications";
import { getSettings } from "@/lib/settings";

export type EmailResult =
  | { sent: true; to: string[] }
  | { sent: false; reason: "no_smtp" | "no_recipients" | "not_found" | "already_sent" };

/**
 * E-mails one notification to the integration's notification addresses, or else to every admin. Without
 * SMTP_URL it does nothing and says so (the in-app inbox still has it). A send error throws, so the job retries.
 */
export async function emailNotification(db: Db, notificationId: number): Promise<EmailResult> {
  const n = await findNotification(db, notificationId);
  if (!n) return { sent: false, reason: "not_found" };
  if (n.emailedAt) return { sent: false, reason: "already_sent" };
  const settings = getSettings();
  if (!settings.SMTP_URL) return { sent: false, reason: "no_smtp" };
  const integration = n.integrationId ? await findIntegration(db, n.integrationId) : undefined;
  const to = integration?.notificationEmails.length
    ? integration.notificationEmails
    : await listAdminEmails(db);
  if (to.length === 0) return { sent: false, reason: "no_recipients" };
  const link = n.link ? new URL(n.link, settings.appUrl).toString() : settings.appUrl;
  const transport = nodemailer.createTransport(settings.SMTP_URL);
  try {
    await transport.sendMail({
      from: settings.SMTP_FROM,
      to,
      subject: `[LMS Sync] ${n.title}`,
      text: `${n.body}\n\nOpen in LMS Sync: ${link}\n`,
    });
  } catch (error) {
    await markNotificationEmailed(db, n.id, error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    transport.close();
  }
  await markNotificationEmailed(db, n.id, null);
  return { sent: true, to };
}
