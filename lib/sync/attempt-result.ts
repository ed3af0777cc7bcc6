import type { ClaimedDelivery, DeliveryUpdate } from "@/db/queries/deliveries";
import type { AttemptOutcome } from "@/lib/delivery/types";

/** One finished attempt of a run, waiting in memory to be written with its batch. */
export type AttemptResult = {
  delivery: ClaimedDelivery;
  userId: number | null;
  requestBody: string;
  outcome: AttemptOutcome;
  /** False when nothing was sent (the payload could not be built): it does not count against the receiver. */
  wasSent: boolean;
  update: DeliveryUpdate;
  finishedAt: Date;
};
