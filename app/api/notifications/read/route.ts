// POST /api/notifications/read — mark every notification read (viewer: it is their own inbox view)
import { getDb } from "@/db/client";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { withRole } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const POST = withRole("viewer", null, async () => {
  await markAllNotificationsRead(getDb());
  return { ok: true };
});
