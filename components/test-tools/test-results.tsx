"use client";

import { useEffect, useRef } from "react";
import type { TestUserReply } from "@/lib/testing-tools/output-schemas";
import { DiagnosisBox } from "./diagnosis-box";
import { ExchangeView } from "./exchange-view";
import { type OutcomeGroup, summarizeTest } from "./summarize";
import type { ProgressCount } from "./test-progress";

const TONES = {
  ok: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  failed: "bg-red-50 text-red-900 ring-red-200",
  nothing: "bg-slate-50 text-slate-800 ring-slate-200",
} as const;

/**
 * The answer first (one line, focused once the test has ended so it is in view), then unknown learners, then the
 * exchanges by outcome. While the test runs (`running`), the line says how far it has got, above a progress bar.
 */
export function TestResults({ reply, running }: { reply: TestUserReply; running?: ProgressCount }) {
  const summary = summarizeTest(reply.results);
  const lineRef = useRef<HTMLParagraphElement>(null);
  const isRunning = running !== undefined;
  useEffect(() => {
    if (!isRunning) lineRef.current?.focus();
  }, [isRunning]);
  return (
    <div className="space-y-4" data-testid="test-user-results">
      <p
        ref={lineRef}
        tabIndex={-1}
        role="status"
        data-testid="test-summary"
        className={`rounded-lg px-4 py-3 text-sm font-semibold ring-1 focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${TONES[running ? "nothing" : summary.tone]}`}
      >
        {running ? `Sending… ${running.text}` : summary.line}
      </p>
      {running ? (
        <progress
          className="h-2 w-full overflow-hidden rounded-full"
          value={running.done}
          max={Math.max(running.total, 1)}
          aria-label="Test progress"
        />
      ) : null}
      {summary.unknown.length + summary.withoutCompletions.length > 0 ? (
        <ul className="space-y-1 text-sm" data-testid="test-missing">
          {summary.unknown.map((n) => (
            <li key={`u:${n}`} className="text-red-800">
              <code className="font-mono font-semibold">{n}</code>: no learner with this user name or e-mail
            </li>
          ))}
          {summary.withoutCompletions.map((n) => (
            <li key={`n:${n}`} className="text-amber-900">
              <code className="font-mono font-semibold">{n}</code>: this learner has no completions to send
            </li>
          ))}
        </ul>
      ) : null}
      {summary.groups.map((g, i) => (
        <Group key={g.key} group={g} isFirst={i === 0} />
      ))}
    </div>
  );
}

function Group({ group, isFirst }: { group: OutcomeGroup; isFirst: boolean }) {
  const n = group.items.length;
  const tone = group.kind === "accepted" ? "text-emerald-800" : "text-red-800";
  return (
    <section aria-label={group.title} data-testid="outcome-group" className="space-y-2">
      <h3 className={`text-sm font-semibold ${tone}`}>
        {group.title}{" "}
        <span className="font-normal text-slate-500">
          · {n} {n === 1 ? "completion" : "completions"}
        </span>
      </h3>
      {group.diagnosis ? <DiagnosisBox diagnosis={group.diagnosis} /> : null}
      {group.problems.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
          {group.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="space-y-2">
        {group.items.map((item, i) => (
          <ExchangeView
            key={`${item.userName}:${item.exchange.completionId}`}
            userName={item.userName}
            exchange={item.exchange}
            isOpen={isFirst && i === 0}
          />
        ))}
      </div>
    </section>
  );
}
