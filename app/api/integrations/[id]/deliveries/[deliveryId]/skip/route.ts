// POST /api/integrations/:id/deliveries/:deliveryId/skip — never send this completion
import { deliveryActionRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = deliveryActionRoute("skip", "Never send one completion (it is marked skipped)");
