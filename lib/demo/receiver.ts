import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { insertDemoReceipt } from "@/db/queries/demo-receipts";
import { apiError } from "@/lib/api/errors";
import { getSettings } from "@/lib/settings";

const MAX_BODY = 1024 * 1024;

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

/** The demo receiving endpoint: API-key protected like a real receiver, keeps what it is sent. Off in production. */
export async function receiveDemoDelivery(request: Request): Promise<Response> {
  const refused = checkDemoKey(request);
  if (refused) return refused;
  const text = await request.text();
  if (text.length > MAX_BODY) return apiError(400, "bad_request", "Body larger than 1 MiB");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "invalid_json", "Expected a JSON body");
  }
  const headers = Object.fromEntries(
    [...request.headers].filter(([k]) => !["x-api-key", "authorization", "cookie"].includes(k.toLowerCase())),
  );
  await insertDemoReceipt(getDb(), {
    idempotencyKey: request.headers.get("idempotency-key"),
    headers,
    body: body as object,
  });
  return Response.json({ received: true }, { status: 202 });
}
