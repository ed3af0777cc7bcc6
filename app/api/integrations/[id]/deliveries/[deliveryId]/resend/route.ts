// POST /api/integrations/:id/deliveries/:deliveryId/resend — send this completion again now
import { deliveryActionRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = deliveryActionRoute("resend");
