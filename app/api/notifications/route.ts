// GET /api/notifications — the signed-in user's notification inbox, newest first, with their unread count
import { getDb } from "@/db/client";
import { listNotifications } from "@/db/queries/notifications";
import { EXAMPLE_ID } from "@/lib/api/examples";
import { route } from "@/lib/api/handler";
import { keysetPage } from "@/lib/api/keyset-page";
import { notificationsOutputSchema, notificationsQuerySchema } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/notifications",
    role: "viewer",
    summary: "The notification inbox (failing, disabled or gone integrations, refused runs), newest first",
    input: notificationsQuerySchema,
    output: notificationsOutputSchema,
    example: {
      input: { limit: "20" },
      output: {
        notifications: [
          {
            id: 31,
            integrationId: EXAMPLE_ID,
            kind: "integration.auto_disabled",
            severity: "error",
            title: "HR system was disabled",
            body: "HR system was disabled after 10 failed attempts in a row. The last one: HTTP 500.",
            link: `/integrations/${EXAMPLE_ID}/log`,
            createdAt: "2026-04-12T02:14:00.000Z",
            readAt: null,
            emailedAt: "2026-04-12T02:14:03.000Z",
            emailError: null,
          },
        ],
        unread: 1,
        nextCursor: null,
        asOf: "7590:7597:7590,7593",
      },
    },
  },
  async ({ input, actor }) => {
    const inbox = await listNotifications(getDb(), actor.id, input.limit + 1, input.before);
    const { page, nextCursor } = keysetPage(inbox.notifications, input.limit);
    return { notifications: page, unread: inbox.unread, nextCursor, asOf: inbox.asOf };
  },
);
