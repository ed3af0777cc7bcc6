import type { TraceEntry, TraceValue } from "@/lib/mapping";

function Value({ value }: { value: TraceValue }) {
  return (
    <span className="inline-flex min-w-0 items-baseline gap-1.5">
      <code className="break-all text-slate-900">{JSON.stringify(value.value)}</code>
      <span className="shrink-0 text-[10px] uppercase tracking-wide text-slate-400">{value.type}</span>
    </span>
  );
}

/** One key's way through its chain for the preview's completion: the source value, then each step's value. */
export function TraceView({
  id,
  trace,
  sourceLabel,
  hasRecord,
}: {
  id: string;
  trace: TraceEntry | undefined;
  sourceLabel: string;
  hasRecord: boolean;
}) {
  const frame = "rounded-md bg-slate-50 px-3 py-2 text-xs ring-1 ring-inset ring-slate-200";
  if (!hasRecord)
    return (
      <p id={id} className={`${frame} text-slate-500`}>
        Choose a learner in the preview to trace this key.
      </p>
    );
  if (!trace?.source)
    return (
      <p id={id} className={`${frame} text-slate-500`}>
        Fix the errors above to trace this key.
      </p>
    );
  return (
    <ol
      id={id}
      data-testid="trace"
      aria-label={`Trace of ${trace.key || "this key"}`}
      className={`${frame} space-y-1 font-mono`}
    >
      <li className="flex gap-2">
        <span className="w-16 shrink-0 text-slate-400">source</span>
        <span className="shrink-0 text-slate-600">{sourceLabel} =</span>
        <Value value={trace.source} />
      </li>
      {trace.steps.map((s) => (
        <li key={s.index} data-testid="trace-step" className="flex gap-2">
          <span className="w-16 shrink-0 text-slate-400">step {s.index + 1}</span>
          <span className="shrink-0 text-indigo-700">{s.text} →</span>
          {s.value ? <Value value={s.value} /> : <span className="text-red-700">{s.error}</span>}
        </li>
      ))}
      {trace.omitted ? (
        <li className="flex gap-2 text-slate-500">
          <span className="w-16 shrink-0 text-slate-400">result</span>
          <span className="font-sans">{trace.omitReason ?? "Not sent."}</span>
        </li>
      ) : null}
      {trace.output !== undefined ? (
        <li className="flex gap-2">
          <span className="w-16 shrink-0 text-slate-400">sent as</span>
          <code className="break-all font-semibold text-emerald-700">{JSON.stringify(trace.output)}</code>
        </li>
      ) : null}
    </ol>
  );
}
