import type { ClaimedDelivery } from "@/db/queries/deliveries";
import { sendAttempt } from "@/lib/delivery";
import type { AttemptOutcome } from "@/lib/delivery/types";
import type { AttemptContext } from "./attempt-delivery";

export type SentRequest = { outcome: AttemptOutcome; finishedAt: Date };

/** Sends one delivery's body with its stable Idempotency-Key; a failed delivery is an outcome, never a throw. */
export async function sendRequest(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  body: string,
): Promise<SentRequest> {
  const outcome = await sendAttempt({
    settings: ctx.settings,
    target: "production",
    json: body,
    idempotencyKey: delivery.idempotencyKey,
    clock: ctx.clock,
  });
  return { outcome, finishedAt: new Date(ctx.clock.now()) };
}
