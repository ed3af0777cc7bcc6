"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { signingReplySchema, signingSecretReplySchema } from "@/lib/integrations/signing-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

type SigningReply = z.output<typeof signingReplySchema>;
type SigningSecretReply = z.output<typeof signingSecretReplySchema>;

export function useSigning(id: string) {
  return useQuery({
    queryKey: queryKeys.signing(id),
    queryFn: () => fetchJson<SigningReply>(`/api/integrations/${id}/signing`),
  });
}

/** Turn signing on, rotate the secret (the old one signs for `overlapHours`) or turn it off; a new secret comes once. */
export function useSigningChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { action: "on" } | { action: "rotate"; overlapHours: number } | { action: "off" },
    ) => {
      const base = `/api/integrations/${id}/signing`;
      switch (change.action) {
        case "on":
          return fetchJson<SigningSecretReply>(base, { method: "POST" });
        case "rotate":
          return fetchJson<SigningSecretReply>(`${base}/rotate`, {
            method: "POST",
            json: { overlapHours: change.overlapHours },
          });
        case "off":
          return fetchJson<SigningReply>(base, { method: "DELETE" });
        default: {
          const unknown: never = change;
          throw new Error(`unknown signing change ${JSON.stringify(unknown)}`);
        }
      }
    },
    onSuccess: (reply) => client.setQueryData(queryKeys.signing(id), { signing: reply.signing }),
  });
}
