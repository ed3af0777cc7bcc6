"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useIntegration } from "@/components/integrations/use-integration";
import type { ContractCheckOutput } from "@/lib/contract/schemas";
import type { JsonObject } from "@/lib/mapping";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { useDebounced } from "./use-debounced";

/**
 * The preview's payload checked against the receiver's saved JSON Schema as the admin types (a quarter second
 * after the last change). On the server: Ajv compiles schemas to code, which the page's CSP does not allow here.
 * Nothing is asked while the integration has no schema; a saved schema (a new settings version) checks again.
 */
export function useContractCheck(integrationId: string, payload: JsonObject | null) {
  const { data: integration } = useIntegration(integrationId);
  const settled = useDebounced(payload, 250);
  const text = settled ? JSON.stringify(settled) : "";
  const hasSchema = Boolean(integration?.receiverSchema);
  const check = useQuery({
    queryKey: queryKeys.contractCheck(integrationId, integration?.version ?? 0, text),
    queryFn: () =>
      fetchJson<ContractCheckOutput>(`/api/integrations/${integrationId}/contract/check`, {
        method: "POST",
        json: { payloads: [settled] },
      }),
    enabled: hasSchema && text !== "",
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  return { hasSchema, check: hasSchema ? check : null };
}
