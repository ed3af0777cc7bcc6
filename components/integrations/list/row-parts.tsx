import Link from "next/link";
import type { IntegrationListItem } from "@/lib/integrations/reply-schemas";
import { RelativeTime } from "../relative-time";
import { StatusBadge } from "../status-badge";

type Item = { integration: IntegrationListItem };

/** The name (a link to its settings) and where it sends. */
export function NamePart({ integration: i }: Item) {
  return (
    <>
      <Link
        href={`/integrations/${i.id}`}
        className="font-medium break-words text-ink-900 hover:text-brand-700"
      >
        {i.name}
      </Link>
      <p className="mt-0.5 truncate font-mono text-xs text-ink-600" title={i.endpointUrl}>
        {i.endpointUrl}
      </p>
    </>
  );
}

/** The status, and why an auto-disabled integration stopped. */
export function StatusPart({ integration: i }: Item) {
  return (
    <>
      <StatusBadge status={i.status} />
      {i.status === "auto_disabled" && i.disabledReason ? (
        <p className="mt-1 max-w-56 text-xs whitespace-normal text-red-700">{i.disabledReason}</p>
      ) : null}
    </>
  );
}

/** When it runs: the schedule in words, and the sends a completion triggers. */
export function SchedulePart({ integration: i }: Item) {
  return (
    <>
      {i.scheduleText}
      {i.syncOnCompletion || i.resendOnUpdate ? (
        <p className="text-xs text-ink-600" data-testid="when-to-send">
          {[
            i.syncOnCompletion ? `and ${i.syncDebounceSeconds} s after a new completion` : null,
            i.resendOnUpdate ? "resends changed completions" : null,
          ]
            .filter(Boolean)
            .join("; ")}
        </p>
      ) : null}
    </>
  );
}

/** The last run and the last success, as "5 minutes ago" with the time on hover; `withLabel` names the first. */
export function LastRunPart({ integration: i, withLabel = false }: Item & { withLabel?: boolean }) {
  return (
    <>
      <p>
        {withLabel ? "Last run: " : null}
        <RelativeTime value={i.lastRunAt} empty={withLabel ? "never" : "Never"} />
      </p>
      <p className="text-xs text-ink-600">
        Last success: <RelativeTime value={i.lastSuccessAt} empty="none yet" />
      </p>
    </>
  );
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Deliveries not yet done, told apart: waiting (new or retrying) and given up (retries ran out until the next
 * scheduled run), and failed attempts in a row, which is what auto-disable counts.
 */
export function CountsPart({ integration: i }: Item) {
  const { pending, failed } = i.stats;
  return (
    <div className="tabular-nums" data-testid="queue-counts">
      <p className="text-ink-700">{plural(pending, "delivery waiting", "deliveries waiting")}</p>
      <p
        className={`text-xs ${failed > 0 ? "font-medium text-red-700" : "text-ink-600"}`}
        title="Deliveries whose retries ran out; each scheduled run tries them again"
      >
        {plural(failed, "delivery given up", "deliveries given up")}
      </p>
      {i.consecutiveFailures > 0 ? (
        <p className="text-xs text-red-700" title="Auto-disable counts these">
          {plural(i.consecutiveFailures, "failed attempt", "failed attempts")} in a row
        </p>
      ) : null}
    </div>
  );
}
