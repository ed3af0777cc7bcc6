// POST /api/notifications/read — mark every notification read in the caller's own inbox (others keep theirs)
import { getDb } from "@/db/client";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { route } from "@/lib/api/handler";
import { markReadInputSchema, markReadOutputSchema } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/notifications/read",
    role: "viewer",
    summary: "Mark every notification read for the caller only",
    input: markReadInputSchema,
    output: markReadOutputSchema,
    example: { input: { upTo: 42, asOf: "7590:7597:7590,7593" }, output: { ok: true } },
  },
  async ({ actor, input }) => {
    await markAllNotificationsRead(getDb(), actor.id, input);
    return { ok: true };
  },
);
