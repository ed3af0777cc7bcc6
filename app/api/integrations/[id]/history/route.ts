// GET /api/integrations/:id/history — who changed what and when: settings (field by field), mapping versions,
// status changes and actions on deliveries; secrets named, never shown
import { getDb } from "@/db/client";
import { listIntegrationHistory } from "@/db/queries/audit-history";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { keysetPage } from "@/lib/api/keyset-page";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { describeEvent } from "@/lib/audit/describe-event";
import { historyQuerySchema, historyReplySchema } from "@/lib/audit/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/history",
    role: "viewer",
    summary: "The integration's audit trail, newest first, with a field-level diff of each change",
    params: integrationParams,
    input: historyQuerySchema,
    output: historyReplySchema,
    errors: { 404: NO_INTEGRATION },
    example: {
      input: { limit: "20" },
      output: {
        events: [
          {
            id: 412,
            at: "2026-04-12T09:30:00.000Z",
            by: "ada@example.com (session)",
            action: "integration.update",
            summary: "Changed settings",
            changes: [{ field: "scheduleCron", label: "schedule", old: "0 2 * * *", new: "*/5 * * * *" }],
            secretsChanged: ["apiKey"],
          },
        ],
        nextCursor: null,
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    if (!id || !(await findIntegration(getDb(), id))) return notFound("Integration");
    const rows = await listIntegrationHistory(getDb(), id, input.limit + 1, input.before);
    const { page, nextCursor } = keysetPage(rows, input.limit);
    return {
      events: page.map((r) => ({
        id: r.id,
        at: r.createdAt,
        by: r.actorLabel,
        action: r.action,
        ...describeEvent(r.action, r.diff),
      })),
      nextCursor,
    };
  },
);
