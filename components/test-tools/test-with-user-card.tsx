"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useIntegration } from "@/components/integrations/use-integration";
import { useRole } from "@/components/layout/use-role";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MappingEntry } from "@/lib/mapping";
import { fetchJson } from "@/lib/query/fetch-json";
import { loadMappingDraft } from "@/lib/query/mapping-draft";
import type { TestUserReply } from "@/lib/testing-tools/output-schemas";
import { TEST_USER_DEFAULT_COMPLETIONS, TEST_USER_MAX_COMPLETIONS } from "@/lib/testing-tools/schemas";
import { ExchangeView } from "./exchange-view";
import { TargetSwitch } from "./target-switch";
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
  const run = useMutation({
    mutationFn: () =>
      fetchJson<TestUserReply>(`/api/integrations/${integrationId}/test-user`, {
        method: "POST",
        json: { usernames, target, limit, ...(draft ? { mapping: draft } : {}) },
      }),
  });
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
          <label className="block text-sm font-medium">
            User names or e-mails
            <input
              className="input mt-1"
              value={names}
              onChange={(e) => setNames(e.target.value)}
              placeholder="anne, bjorn.hansen12"
              aria-describedby="usernames-hint"
            />
            <span id="usernames-hint" className="mt-1 block text-xs font-normal text-slate-500">
              Separate several with commas or spaces (up to 10).
            </span>
          </label>
          <label className="block text-sm font-medium">
            Completions per learner
            <select className="input mt-1" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
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
        <Button type="submit" disabled={!isAdmin || run.isPending || usernames.length === 0}>
          {run.isPending ? "Sending…" : "Send test"}
        </Button>
        {run.error ? <Alert>{run.error.message}</Alert> : null}
      </form>
      {run.data ? (
        <div className="mt-6 space-y-6" data-testid="test-user-results">
          {run.data.results.map((r) => (
            <section key={r.userName} aria-label={`Results for ${r.userName}`}>
              <h3 className="mb-2 text-sm font-semibold">
                {r.userName}{" "}
                <span className="font-normal text-slate-500">
                  {r.found
                    ? `· ${r.exchanges.length} latest completion(s)`
                    : "· no learner or no completions found"}
                </span>
              </h3>
              <div className="space-y-3">
                {r.exchanges.map((e) => (
                  <ExchangeView key={e.completionId} exchange={e} />
                ))}
              </div>
            </section>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
