// GET /api/demo-receiver/receipts — what the demo receiver was sent, newest first (viewer)
import { getDb } from "@/db/client";
import { listDemoReceipts } from "@/db/queries/demo-receipts";
import { examplePayload } from "@/lib/api/examples";
import { route } from "@/lib/api/handler";
import { demoReceiptsOutputSchema, demoReceiptsQuerySchema } from "@/lib/demo/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/demo-receiver/receipts",
    role: "viewer",
    summary: "What the demo receiver was sent, newest first",
    input: demoReceiptsQuerySchema,
    output: demoReceiptsOutputSchema,
    example: {
      input: { limit: "1" },
      output: {
        receipts: [
          {
            id: 1000,
            receivedAt: "2026-04-12T00:00:05.000Z",
            idempotencyKey: "5b0e4f9a-2c1d-4e8f-a7b6-3c2d1e0f9a8b",
            headers: { "content-type": "application/json", "user-agent": "LMS-Sync/0.1.0" },
            body: examplePayload,
          },
        ],
        total: 1000,
      },
    },
  },
  async ({ input }) => listDemoReceipts(getDb(), input.limit),
);
