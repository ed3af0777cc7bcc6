// GET, POST /api/demo-receiver — what the demo receiver was sent (viewer); receive one delivery (X-API-Key)
import { z } from "zod";
import { getDb } from "@/db/client";
import { listDemoReceipts } from "@/db/queries/demo-receipts";
import { withRole } from "@/lib/api/handler";
import { receiveDemoDelivery } from "@/lib/demo/receiver";

export const dynamic = "force-dynamic";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const GET = withRole("viewer", listQuery, async ({ input }) => listDemoReceipts(getDb(), input.limit));

export function POST(request: Request) {
  return receiveDemoDelivery(request);
}
