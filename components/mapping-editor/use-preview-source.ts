"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { LearnerOutput, LearnerRecord, ObservedValues, PreviewOutput } from "@/lib/learners/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

const NO_VALUES: ObservedValues = { "completion.bestCombined": [], "completion.bestScore": [] };

export function fetchLearners(q: string) {
  return fetchJson<{ learners: LearnerOutput[] }>(`/api/learners?q=${encodeURIComponent(q)}`).then(
    (r) => r.learners,
  );
}

/**
 * The learner and completion the live preview runs on: the most recently active learner until one is
 * chosen; and the result values of recent completions, for the statusMap warnings.
 */
export function usePreviewSource(integrationId: string) {
  const [userName, setUserName] = useState<string | null>(null);
  const [completionId, setCompletionId] = useState<number | null>(null);

  const recent = useQuery({
    queryKey: queryKeys.learnerSearch(""),
    queryFn: () => fetchLearners(""),
    enabled: userName === null,
  });
  useEffect(() => {
    const first = recent.data?.find((l) => l.completionCount > 0);
    if (userName === null && first) setUserName(first.userName);
  }, [recent.data, userName]);

  const completions = useQuery({
    queryKey: queryKeys.learnerCompletions(userName ?? ""),
    queryFn: () =>
      fetchJson<{ learner: LearnerOutput; records: LearnerRecord[] }>(
        `/api/learners/${encodeURIComponent(userName ?? "")}/completions?limit=20`,
      ),
    enabled: userName !== null,
  });

  // The values do not depend on the learner, so the key leaves it out; the preview route only needs one.
  const observed = useQuery({
    queryKey: queryKeys.observedValues(integrationId),
    queryFn: () =>
      fetchJson<PreviewOutput>(`/api/integrations/${integrationId}/preview`, {
        method: "POST",
        json: { userName, limit: 1 },
      }).then((r) => r.observedValues),
    enabled: userName !== null,
    staleTime: 5 * 60_000,
  });

  const records = completions.data?.records ?? [];
  const record = records.find((r) => r.completionId === completionId) ?? records[0] ?? null;
  return {
    integrationId,
    learner: completions.data?.learner ?? null,
    records,
    record,
    isLoading: (userName === null && recent.isPending) || (userName !== null && completions.isPending),
    error: recent.error ?? completions.error,
    hasNoLearners:
      recent.data !== undefined && !recent.data.some((l) => l.completionCount > 0) && userName === null,
    observedValues: observed.data ?? NO_VALUES,
    selectLearner: (name: string) => {
      setUserName(name);
      setCompletionId(null);
    },
    selectCompletion: setCompletionId,
  };
}
