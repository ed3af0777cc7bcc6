import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { ClaimedDelivery } from "@/db/queries/deliveries";
import type { Clock } from "@/lib/clock";
import type { ConnectionSettings } from "@/lib/delivery/types";
import type { MappingEntry } from "@/lib/mapping";
import type { AttemptResult } from "./attempt-result";
import { buildRequest } from "./build-request";
import { recordNotSent, recordSent } from "./record-attempt";
import { sendRequest } from "./send-request";

export type AttemptContext = {
  settings: ConnectionSettings;
  mapping: MappingEntry[];
  retrySchedule: number[];
  /** When attempts end and retries fall due; token expiry is read from it too. */
  clock: Clock;
  /** What every log row of the run names. */
  log: { integrationId: string; runId: number; mappingVersion: number };
};

/** One claimed delivery through the steps that follow its claim: build its request, send it, record the attempt. */
export async function attemptDelivery(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  record: CompletionRecordRow | undefined,
): Promise<AttemptResult> {
  const request = buildRequest(ctx.mapping, record);
  if (!request.ok) return recordNotSent(ctx, delivery, request);
  const sent = await sendRequest(ctx, delivery, request.body);
  return recordSent(ctx, delivery, request, sent);
}
