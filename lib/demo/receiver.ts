import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { insertDemoReceipt } from "@/db/queries/demo-receipts";
import { apiError } from "@/lib/api/errors";
import { getSettings } from "@/lib/settings";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Null when the request may use the demo receiver; else the refusal (off in production, wrong or missing key). */
export function checkDemoKey(request: Request): Response | null {
  const settings = getSettings();
  if (settings.isProduction || !settings.DEMO_RECEIVER_API_KEY) {
    return apiError(404, "not_found", "The demo receiver is only available in the demo setup");
  }
  const key = request.headers.get("x-api-key") ?? "";
  if (!sameSecret(key, settings.DEMO_RECEIVER_API_KEY)) {
    return apiError(401, "unauthorized", "Missing or wrong X-API-Key");
  }
  return null;
}

/** Keeps what the demo receiver was sent (the key was checked and the body parsed on the way in). */
export async function keepDemoDelivery(request: Request, body: Record<string, unknown>): Promise<void> {
  const headers = Object.fromEntries(
    [...request.headers].filter(([k]) => !["x-api-key", "authorization", "cookie"].includes(k.toLowerCase())),
  );
  await insertDemoReceipt(getDb(), { idempotencyKey: request.headers.get("idempotency-key"), headers, body });
}
