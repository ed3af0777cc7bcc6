"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fromLocalInput } from "@/lib/format";
import { INBOUND_OUTCOME_LABELS } from "@/lib/inbound/model";

export type InboundLogFilterState = { outcome: string; verifiedBy: string; from: string; to: string };
export const EMPTY_INBOUND_FILTER: InboundLogFilterState = { outcome: "", verifiedBy: "", from: "", to: "" };

/** The filter values the API takes, without empty ones (local datetime inputs become ISO). */
export function inboundFilterQuery(f: InboundLogFilterState): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, k === "from" ? fromLocalInput(v) : k === "to" ? fromLocalInput(v, "end") : v]),
  );
}

const VERIFIED_BY = { signature: "Signature", token: "API token", none: "None (refused)" };

type Control = { label: string; value: string; onChange: (value: string) => void };

/** A labelled select whose first option means "no filter". */
function Choice({ label, value, onChange, options }: Control & { options: Record<string, string> }) {
  return (
    <label className="text-xs font-medium text-ink-600">
      {label}
      <select className="input mt-1" value={value} onChange={(e) => onChange(e.target.value)}>
        {Object.entries({ "": "Any", ...options }).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function When({ label, value, onChange }: Control) {
  return (
    <label className="text-xs font-medium text-ink-600">
      {label}
      <input
        className="input mt-1"
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** Outcome, how a request was verified, and a time range. */
export function InboundLogFilters({ onApply }: { onApply: (f: InboundLogFilterState) => void }) {
  const [f, setF] = useState(EMPTY_INBOUND_FILTER);
  const bind = (k: keyof InboundLogFilterState) => ({
    value: f[k],
    onChange: (v: string) => setF({ ...f, [k]: v }),
  });
  return (
    <form
      aria-label="Filter the inbound log"
      className="grid gap-3 rounded-panel bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:grid-cols-5"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(f);
      }}
    >
      <Choice label="Outcome" options={INBOUND_OUTCOME_LABELS} {...bind("outcome")} />
      <Choice label="Verified by" options={VERIFIED_BY} {...bind("verifiedBy")} />
      <When label="From (your local time)" {...bind("from")} />
      <When label="To (your local time, the whole minute)" {...bind("to")} />
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setF(EMPTY_INBOUND_FILTER);
            onApply(EMPTY_INBOUND_FILTER);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
