// GET /api/demo-receiver/receipts — what the demo receiver was sent, newest first (viewer)
import { z } from "zod";
import { getDb } from "@/db/client";
import { listDemoReceipts } from "@/db/queries/demo-receipts";
import { withRole } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const GET = withRole("viewer", listQuery, async ({ input }) => listDemoReceipts(getDb(), input.limit));
