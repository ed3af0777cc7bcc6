"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fromLocalInput } from "@/lib/format";
import { LOG_OUTCOME_LABELS, LOG_OUTCOMES } from "@/lib/sync/model";

export type LogFilterState = {
  outcome: string;
  status: string;
  user: string;
  from: string;
  to: string;
  q: string;
  /** One run's attempts (the runs page links here); no input of its own. */
  runId: string;
};
export const EMPTY_FILTER: LogFilterState = {
  outcome: "",
  status: "",
  user: "",
  from: "",
  to: "",
  q: "",
  runId: "",
};

/** The filter values the API takes, without empty ones (local datetime inputs become ISO). */
export function toQuery(f: LogFilterState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (!v) continue;
    out[k] = k === "from" ? fromLocalInput(v) : k === "to" ? fromLocalInput(v, "end") : v;
  }
  return out;
}

export function LogFilters({
  initial,
  onApply,
}: {
  initial: LogFilterState;
  onApply: (f: LogFilterState) => void;
}) {
  const [f, setF] = useState(initial);
  const set = (k: keyof LogFilterState) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <form
      className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-7"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(f);
      }}
    >
      <label className="text-xs font-medium text-slate-600">
        Outcome
        <select className="input mt-1" value={f.outcome} onChange={set("outcome")}>
          <option value="">All</option>
          {LOG_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {LOG_OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        HTTP status
        <input
          className="input mt-1"
          inputMode="numeric"
          placeholder="e.g. 401"
          value={f.status}
          onChange={set("status")}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Learner
        <input
          className="input mt-1"
          placeholder="e-mail or user name"
          value={f.user}
          onChange={set("user")}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        From (your local time)
        <input className="input mt-1" type="datetime-local" value={f.from} onChange={set("from")} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To (your local time, the whole minute)
        <input className="input mt-1" type="datetime-local" value={f.to} onChange={set("to")} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Text in bodies or errors
        <input className="input mt-1" placeholder="search" value={f.q} onChange={set("q")} />
      </label>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setF(EMPTY_FILTER);
            onApply(EMPTY_FILTER);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
