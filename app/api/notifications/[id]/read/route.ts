// POST /api/notifications/:id/read — mark one notification read in the caller's own inbox (others keep theirs)
import { getDb } from "@/db/client";
import { markNotificationRead } from "@/db/queries/notifications";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { markReadOutputSchema, notificationParams } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/notifications/{id}/read",
    role: "viewer",
    summary: "Mark one notification read for the caller only; marking it again changes nothing",
    params: notificationParams,
    output: markReadOutputSchema,
    errors: { 404: "No notification has this id" },
    example: { output: { ok: true } },
  },
  async ({ actor, params }) => {
    const id = notificationParams.shape.id.safeParse(params.id);
    if (!id.success || !(await markNotificationRead(getDb(), actor.id, id.data))) {
      return notFound("Notification");
    }
    return { ok: true };
  },
);
