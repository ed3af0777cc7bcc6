// The demo receiver's API: what it answers a delivery, and what it lists of the deliveries it kept.

import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";

/** The largest body the demo receiver keeps. */
export const MAX_DEMO_BODY = 1024 * 1024;

export const demoReceiptsQuerySchema = z.object({
  limit: limitParam(500, 50, "How many receipts at most, newest first"),
});

export const demoReceiptSchema = z.object({
  id: z.number().describe("The receipt's id"),
  receivedAt: isoDateTime.describe("When the delivery arrived"),
  idempotencyKey: z.string().nullable().describe("The Idempotency-Key header the delivery carried"),
  headers: z.record(z.string(), z.string()).describe("The headers it carried, without keys and cookies"),
  body: z.unknown().describe("The JSON payload as received"),
});
export type DemoReceipt = z.output<typeof demoReceiptSchema>;

export const demoReceiptsOutputSchema = z.object({
  receipts: z.array(demoReceiptSchema).describe("Newest first"),
  total: z.number().describe("How many deliveries were received in all"),
});

/** Any JSON object, as a receiving system accepts a payload. */
export const demoDeliverySchema = z
  .record(z.string(), z.unknown())
  .refine((body) => JSON.stringify(body).length <= MAX_DEMO_BODY, "Body larger than 1 MiB")
  .describe("The payload, as the integration's mapping builds it");

export const demoReadyOutputSchema = z.object({
  ready: z.literal(true).describe("Always true: the key was right"),
  accepts: z.string().describe("What the endpoint takes"),
});

export const demoReceivedOutputSchema = z.object({
  received: z.literal(true).describe("Always true: it was kept"),
});
