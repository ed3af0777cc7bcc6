// POST /api/integrations/:id/deliveries/:deliveryId/resend — send this completion again now
import { deliveryActionRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = deliveryActionRoute(
  "resend",
  "Send one pending, retrying, failed or skipped completion now (undoes a skip); a delivered one is a 409",
);
