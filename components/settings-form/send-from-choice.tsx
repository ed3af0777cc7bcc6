"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { CompletionCountReply } from "@/lib/completions/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { type SettingsFormValues, toLocalInput } from "./form-values";
import { useFieldError } from "./use-field-error";

type Choice = "now" | "last30" | "date";

const CHOICES: { value: Choice; label: string }[] = [
  { value: "now", label: "From now on" },
  { value: "last30", label: "The last 30 days" },
  { value: "date", label: "From a date" },
];

const THIRTY_DAYS_MS = 30 * 86_400_000;

/**
 * A new integration's first question about history: which completions it sends (from now, the last 30 days, or
 * from a date), and how many are waiting for its first Run now.
 */
export function SendFromChoice() {
  const { register, setValue } = useFormContext<SettingsFormValues>();
  const sendFrom = useWatch<SettingsFormValues, "sendFrom">({ name: "sendFrom" });
  const error = useFieldError("sendFrom");
  const [choice, setChoice] = useState<Choice>(sendFrom ? "date" : "now");

  const choose = (next: Choice) => {
    setChoice(next);
    const value =
      next === "now"
        ? ""
        : next === "last30"
          ? toLocalInput(new Date(Date.now() - THIRTY_DAYS_MS))
          : sendFrom;
    setValue("sendFrom", value, { shouldDirty: true, shouldValidate: true });
  };

  return (
    <fieldset className="sm:col-span-2">
      <legend className="block text-sm font-medium text-ink-800">Send completions recorded</legend>
      <div
        className="mt-1 flex flex-wrap gap-x-5 gap-y-2"
        role="radiogroup"
        aria-label="Send completions recorded"
      >
        {CHOICES.map((c) => (
          <label key={c.value} className="flex items-center gap-2 text-sm text-ink-800">
            <input
              type="radio"
              name="send-from-choice"
              className="h-4 w-4"
              checked={choice === c.value}
              onChange={() => choose(c.value)}
            />
            {c.label}
          </label>
        ))}
      </div>
      {choice === "date" ? (
        <div className="mt-2">
          <label htmlFor="send-from-date" className="sr-only">
            Send completions recorded from (your local time)
          </label>
          <input
            id="send-from-date"
            type="datetime-local"
            className="input sm:w-64"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "send-from-error" : undefined}
            {...register("sendFrom")}
          />
        </div>
      ) : null}
      {error ? (
        <p id="send-from-error" className="mt-1 text-xs font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <WaitingLine since={choice === "now" ? null : sendFrom} />
    </fieldset>
  );
}

/** "1,000 completions are waiting": what the first Run now sends, counted for the chosen time. */
function WaitingLine({ since }: { since: string | null }) {
  const date = since ? new Date(since) : null;
  const iso = date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  const count = useQuery({
    queryKey: ["completions", "count", iso],
    queryFn: () =>
      fetchJson<CompletionCountReply>(`/api/completions/count?since=${encodeURIComponent(iso ?? "")}`),
    enabled: iso !== null,
    staleTime: 30_000,
  });
  let text: string;
  if (since === null) text = "Only completions recorded from now on are sent: nothing is waiting yet.";
  else if (!iso) text = "Pick the date and time to send from.";
  else if (count.isError) text = "Could not count the completions waiting.";
  else if (!count.data) text = "Counting the completions waiting…";
  else if (count.data.completions === 0) text = "No completion was recorded since then: nothing is waiting.";
  else
    text = `${count.data.completions.toLocaleString("en-US")} ${count.data.completions === 1 ? "completion is" : "completions are"} waiting: the first run (or Run now) sends them.`;
  return (
    <p className="mt-1 text-xs text-ink-600" role="status" aria-live="polite" data-testid="send-from-waiting">
      {text}
    </p>
  );
}
