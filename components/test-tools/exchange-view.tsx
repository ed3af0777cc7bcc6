import { ContractIssueList } from "@/components/mapping-editor/contract-issues";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { DateTime } from "@/components/ui/date-time";
import type { TestExchange } from "@/lib/testing-tools/output-schemas";

function HeaderTable({ headers, label }: { headers: Record<string, string>; label: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-xs text-slate-500">No headers.</p>;
  return (
    <table className="w-full text-xs" aria-label={label}>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k} className="align-top">
            <th
              scope="row"
              className="whitespace-nowrap py-0.5 pr-3 text-left font-mono font-medium text-slate-600"
            >
              {k}
            </th>
            <td className="break-all py-0.5 font-mono text-slate-800">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One test request and its response: a one-line summary (learner, course, date, answer, time) that opens to the
 * full exchange. Its group says the diagnosis, so the exchange does not repeat it.
 */
export function ExchangeView({
  userName,
  exchange,
  isOpen = false,
}: {
  userName: string;
  exchange: TestExchange;
  isOpen?: boolean;
}) {
  const { request, outcome } = exchange;
  return (
    <details
      open={isOpen}
      className="group rounded-lg ring-1 ring-slate-200 open:ring-slate-300"
      data-testid="exchange"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2.5 text-sm">
        <span className="font-medium text-slate-900">{userName}</span>
        <span className="text-slate-600">
          · {exchange.activityName} · completed <DateTime value={exchange.completionDate} />
        </span>
        {outcome ? (
          <span className="ml-auto flex items-center gap-2 text-xs text-slate-500">
            <Badge tone={outcome.ok ? "green" : "red"}>
              <span data-testid="response-status">
                {outcome.status ? `HTTP ${outcome.status}` : (outcome.error?.code ?? "failed")}
              </span>
            </Badge>
            <span className="tabular-nums">{Math.round(outcome.durationMs)} ms</span>
          </span>
        ) : (
          <span className="ml-auto text-xs font-medium text-red-700">not sent</span>
        )}
      </summary>
      {exchange.schemaIssues ? (
        <section
          aria-label={`Schema problems for ${userName}`}
          className="border-t border-slate-100 px-4 py-3"
        >
          <h5 className="text-xs font-semibold uppercase tracking-wide text-red-800">
            Breaks the receiver's schema{outcome ? " (sent anyway: validate before sending is off)" : ""}
          </h5>
          <ContractIssueList issues={exchange.schemaIssues} />
          {exchange.payload !== undefined ? (
            <div className="mt-2">
              <CodeBlock value={exchange.payload} label="Payload not sent" />
            </div>
          ) : null}
        </section>
      ) : null}
      {request && outcome ? (
        <div className="grid gap-4 border-t border-slate-100 px-4 py-3 lg:grid-cols-2">
          <section aria-label={`Request for ${userName}`} className="min-w-0 space-y-2">
            <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h5>
            <p className="break-all font-mono text-xs">
              {request.method} {request.url}
            </p>
            <HeaderTable headers={request.headers} label="Request headers" />
            <CodeBlock value={request.body} label="Request body" />
          </section>
          <section aria-label={`Response for ${userName}`} className="min-w-0 space-y-2">
            <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Response</h5>
            {outcome.error && !outcome.status ? (
              <p className="text-sm text-red-700">{outcome.error.message}</p>
            ) : null}
            <HeaderTable headers={outcome.responseHeaders} label="Response headers" />
            {outcome.responseBody ? (
              <CodeBlock value={outcome.responseBody} label="Response body" />
            ) : (
              <p className="text-xs text-slate-500">Empty body.</p>
            )}
            {outcome.truncated ? <p className="text-xs text-amber-700">The body was cut at 64 KiB.</p> : null}
          </section>
        </div>
      ) : null}
    </details>
  );
}
