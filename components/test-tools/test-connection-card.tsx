"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useIntegration } from "@/components/integrations/use-integration";
import { useRole } from "@/components/layout/use-role";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/query/fetch-json";
import type { TestConnectionReply } from "@/lib/testing-tools/output-schemas";
import { DiagnosisBox } from "./diagnosis-box";
import { StageList } from "./stage-list";
import { TargetSwitch } from "./target-switch";
import { useTestTarget } from "./use-test-target";

const VERDICT = {
  passed: { tone: "green", text: "Connection works" },
  reachable: { tone: "amber", text: "Reachable, authentication not proven" },
  failed: { tone: "red", text: "Connection failed" },
} as const;

export function TestConnectionCard({ integrationId }: { integrationId: string }) {
  const { data: integration } = useIntegration(integrationId);
  const { isAdmin } = useRole();
  const { target, setTarget } = useTestTarget(integration?.testUrl);
  const [method, setMethod] = useState<"GET" | "OPTIONS">("GET");
  const run = useMutation({
    mutationFn: () =>
      fetchJson<TestConnectionReply>(`/api/integrations/${integrationId}/test-connection`, {
        method: "POST",
        json: { target, method },
      }),
  });
  const result = run.data?.result;
  return (
    <Card
      title="Test connection"
      description="One request with authentication applied and no body: proves the address, the network path, TLS and the credentials. Nothing is written."
    >
      <div className="space-y-4">
        <TargetSwitch
          integration={integration}
          value={target}
          onChange={setTarget}
          disabled={run.isPending}
        />
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            Method
            <select
              className="input w-auto"
              value={method}
              onChange={(e) => setMethod(e.target.value as "GET" | "OPTIONS")}
            >
              <option value="GET">GET</option>
              <option value="OPTIONS">OPTIONS</option>
            </select>
          </label>
          <Button onClick={() => run.mutate()} disabled={!isAdmin || run.isPending}>
            {run.isPending ? "Testing…" : "Test connection"}
          </Button>
          {!isAdmin ? (
            <span className="text-xs text-slate-500">Only admins can send test requests.</span>
          ) : null}
        </div>
        {run.error ? <Alert>{run.error.message}</Alert> : null}
        {result ? (
          <div className="space-y-3" data-testid="connection-result">
            <div className="flex flex-wrap items-center gap-3">
              <Badge tone={VERDICT[result.verdict].tone}>{VERDICT[result.verdict].text}</Badge>
              <span className="text-sm text-slate-600">
                {result.method} <code className="font-mono">{result.url}</code>
                {result.outcome?.status ? (
                  <>
                    {" "}
                    → <strong data-testid="http-status">HTTP {result.outcome.status}</strong>
                  </>
                ) : null}
              </span>
            </div>
            <StageList stages={result.stages} />
            {result.localAddress ? (
              <p className="text-xs text-slate-500" data-testid="local-address">
                This server connected from <code className="font-mono">{result.localAddress}</code>: the local
                address of this connection as the server sees it (behind NAT or a proxy the receiver sees
                another).
              </p>
            ) : null}
            {result.diagnosis ? (
              <DiagnosisBox
                diagnosis={result.diagnosis}
                tone={result.verdict === "failed" ? "error" : "warning"}
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
