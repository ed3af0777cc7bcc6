// POST /api/notifications/read — mark every notification read in the caller's own inbox (others keep theirs)
import { getDb } from "@/db/client";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { route } from "@/lib/api/handler";
import { markReadOutputSchema } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/notifications/read",
    role: "viewer",
    summary: "Mark every notification read for the caller only",
    output: markReadOutputSchema,
    example: { output: { ok: true } },
  },
  async ({ actor }) => {
    await markAllNotificationsRead(getDb(), actor.id);
    return { ok: true };
  },
);
