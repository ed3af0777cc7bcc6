// POST /api/integrations/:id/deliveries/:deliveryId/resend — send this completion again now
import { deliveryActionRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = deliveryActionRoute("resend", "Send one completion again now, even if it was delivered");
