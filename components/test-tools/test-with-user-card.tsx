"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useIntegration } from "@/components/integrations/use-integration";
import { useRole } from "@/components/layout/use-role";
import { LearnerPicker } from "@/components/mapping-editor/learner-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MappingEntry } from "@/lib/mapping";
import { fetchProgress } from "@/lib/query/fetch-json";
import { loadMappingDraft } from "@/lib/query/mapping-draft";
import type { TestUserEvent } from "@/lib/testing-tools/output-schemas";
import { TEST_USER_DEFAULT_COMPLETIONS, TEST_USER_MAX_COMPLETIONS } from "@/lib/testing-tools/schemas";
import { TargetSwitch } from "./target-switch";
import { progressCount, replySoFar, type TestProgress } from "./test-progress";
import { TestResults } from "./test-results";
import { useTestTarget } from "./use-test-target";

const LIMITS = [1, 3, 5, 10, TEST_USER_MAX_COMPLETIONS];

export function TestWithUserCard({ integrationId }: { integrationId: string }) {
  const { data: integration } = useIntegration(integrationId);
  const { isAdmin } = useRole();
  const { target, setTarget } = useTestTarget(integration?.testUrl);
  const [names, setNames] = useState("");
  const [limit, setLimit] = useState(TEST_USER_DEFAULT_COMPLETIONS);
  const [draft, setDraft] = useState<MappingEntry[] | null>(null);
  useEffect(() => setDraft(loadMappingDraft(integrationId)), [integrationId]);

  const usernames = names.split(/[\s,;]+/).filter(Boolean);
  // Up to 10 learners' completions go one after another, each allowed the integration's timeout, so the reply
  // streams (the plan, then each exchange as it ends, shown as it comes), and Cancel stops it: the server sends
  // nothing more once the request is gone, and what was sent stays on the page.
  const abort = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<TestProgress | null>(null);
  const run = useMutation({
    mutationFn: async () => {
      abort.current = new AbortController();
      setProgress(null);
      const done = await fetchProgress<TestUserEvent, "done">(
        `/api/integrations/${integrationId}/test-user`,
        {
          method: "POST",
          json: { usernames, target, limit, ...(draft ? { mapping: draft } : {}) },
          signal: abort.current.signal,
        },
        {
          endsWith: "done",
          onEvent: (event) => {
            if (event.type === "plan") setProgress({ plan: event.plan, ended: [] });
            if (event.type === "exchange") {
              const { learner, exchange } = event;
              setProgress((p) => p && { ...p, ended: [...p.ended, { learner, exchange }] });
            }
          },
        },
      );
      return done.reply;
    },
  });
  const isCancelled = run.error instanceof DOMException && run.error.name === "AbortError";
  const shown = run.data ?? (progress ? replySoFar(progress) : null);
  const count = progress ? progressCount(progress) : null;
  return (
    <Card
      title="Test with user"
      description="Sends the real payloads of chosen learners' completions, exactly as a sync would, and shows what went out and what came back."
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (usernames.length > 0) run.mutate();
        }}
      >
        <Alert tone="info">
          Test requests are sent for real, but nothing is written: no sync log entry, no delivery state, no
          failure count. Repeat as often as you like.
        </Alert>
        <TargetSwitch
          integration={integration}
          value={target}
          onChange={setTarget}
          disabled={run.isPending}
        />
        <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
          <LearnerPicker
            label="User names or e-mails"
            hint="Type to find a learner; separate several with commas or spaces (up to 10)."
            list={{ value: names, onChange: setNames }}
          />
          <label className="block text-xs font-medium text-slate-700">
            Completions per learner
            <select
              className="input mt-1 py-1.5"
              value={limit}
              onChange={(e) => setLimit(Number(e.target.value))}
            >
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  latest {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="text-xs text-slate-500" data-testid="mapping-source">
          {draft
            ? "Uses your unsaved mapping from the mapping editor."
            : `Uses the saved mapping (version ${integration?.mappingVersion ?? "…"}).`}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={!isAdmin || run.isPending || usernames.length === 0}>
            {run.isPending ? (count ? `Sending: ${count.text}` : "Finding the completions…") : "Send test"}
          </Button>
          {run.isPending ? (
            <Button variant="secondary" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          ) : null}
        </div>
        {isCancelled ? (
          <Alert tone="info">
            Cancelled{count ? ` after ${count.text}` : ""}: nothing more was sent.
            {count && count.done > 0 ? " What was sent is below." : ""} A request in flight when you cancelled
            may still have reached the receiver.
          </Alert>
        ) : run.error ? (
          <Alert>{run.error.message}</Alert>
        ) : null}
      </form>
      {shown ? (
        <div className="mt-6">
          <TestResults
            key={run.submittedAt}
            reply={shown}
            {...(run.isPending && count ? { running: count } : {})}
          />
        </div>
      ) : null}
    </Card>
  );
}
