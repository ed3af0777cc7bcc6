// GET, POST /api/demo-receiver — the demo receiving endpoint (X-API-Key): GET says it is ready, POST keeps a delivery
import { checkDemoKey, receiveDemoDelivery } from "@/lib/demo/receiver";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return checkDemoKey(request) ?? Response.json({ ready: true, accepts: "POST application/json" });
}

export function POST(request: Request) {
  return receiveDemoDelivery(request);
}
