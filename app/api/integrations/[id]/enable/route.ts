// POST /api/integrations/:id/enable — make it active again (clears an auto-disable and the failure count)
import { statusChangeRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = statusChangeRoute(
  "enable",
  "Make it active again: clears an auto-disable and the failure count; pending deliveries continue",
);
