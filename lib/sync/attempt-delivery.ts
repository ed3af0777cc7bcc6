import type { Clock } from "@/lib/clock";
import type { ContractIssue } from "@/lib/contract/model";
import type { ConnectionSettings } from "@/lib/delivery/types";
import type { MappingEntry } from "@/lib/mapping";
import type { AttemptResult, StartedAttempt } from "./attempt-result";
import { recordSent } from "./record-attempt";
import { sendRequest } from "./send-request";

export type AttemptContext = {
  settings: ConnectionSettings;
  mapping: MappingEntry[];
  /** With "validate before sending" on: the receiver's schema, compiled once for the run; null: nothing checked. */
  contract: ((payload: unknown) => ContractIssue[]) | null;
  retrySchedule: number[];
  /** When attempts end and retries fall due; token expiry is read from it too. */
  clock: Clock;
  /** What every log row of the run names. */
  log: { integrationId: string; runId: number; mappingVersion: number };
  /** The request headers a started row shows (redacted, without credentials or Idempotency-Key): the same for every request of the run. */
  headersBeforeAuth: Record<string, string>;
};

/** One started attempt through the steps that follow its `started` row: send its request, record the answer. */
export async function attemptDelivery(ctx: AttemptContext, started: StartedAttempt): Promise<AttemptResult> {
  const sent = await sendRequest(ctx, started.delivery, started.body);
  return recordSent(ctx, started, sent);
}
