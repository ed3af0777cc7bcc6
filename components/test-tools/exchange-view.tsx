import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { DateTime } from "@/components/ui/date-time";
import type { TestExchange } from "@/lib/testing-tools/output-schemas";
import { DiagnosisBox } from "./diagnosis-box";

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

/** One test request and its response, side by side. */
export function ExchangeView({ exchange }: { exchange: TestExchange }) {
  const title = (
    <>
      {exchange.activityName} · completed <DateTime value={exchange.completionDate} />
    </>
  );
  if (exchange.payloadErrors) {
    return (
      <article className="rounded-lg p-4 ring-1 ring-red-200" data-testid="exchange">
        <h4 className="text-sm font-medium">{title}</h4>
        <p className="mt-2 text-sm text-red-700">Not sent: the payload could not be built.</p>
        <ul className="mt-1 list-disc pl-5 text-sm text-red-700">
          {exchange.payloadErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </article>
    );
  }
  const { request, outcome } = exchange;
  if (!request || !outcome) return null;
  return (
    <article className="rounded-lg p-4 ring-1 ring-slate-200" data-testid="exchange">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-medium">{title}</h4>
        <div className="flex items-center gap-2 text-xs text-slate-500">
          <Badge tone={outcome.ok ? "green" : "red"}>
            <span data-testid="response-status">
              {outcome.status ? `HTTP ${outcome.status}` : (outcome.error?.code ?? "failed")}
            </span>
          </Badge>
          {Math.round(outcome.durationMs)} ms
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Request" className="min-w-0 space-y-2">
          <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h5>
          <p className="break-all font-mono text-xs">
            {request.method} {request.url}
          </p>
          <HeaderTable headers={request.headers} label="Request headers" />
          <CodeBlock value={request.body} label="Request body" />
        </section>
        <section aria-label="Response" className="min-w-0 space-y-2">
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
      {outcome.diagnosis && !outcome.ok ? (
        <div className="mt-3">
          <DiagnosisBox diagnosis={outcome.diagnosis} />
        </div>
      ) : null}
    </article>
  );
}
