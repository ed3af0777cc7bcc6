// POST /api/integrations/:id/pause — stop scheduled syncs until enabled (nothing pending is dropped)
import { statusChangeRoute } from "@/lib/api/routes/integration-actions";

export const dynamic = "force-dynamic";
export const POST = statusChangeRoute(
  "pause",
  "Stop scheduled syncs until enabled; nothing pending is dropped",
);
