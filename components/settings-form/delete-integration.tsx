"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** Delete, after a confirmation that says what goes with it. */
export function DeleteIntegration({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => fetchJson<null>(`/api/integrations/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.integration(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.integrations, exact: true });
      router.push("/integrations");
    },
  });
  return (
    <>
      <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => setIsOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        title={`Delete “${name}”?`}
        confirmLabel="Delete integration"
        isBusy={remove.isPending}
        onCancel={() => setIsOpen(false)}
        onConfirm={() => remove.mutate()}
      >
        <p>
          Its settings, mapping versions, deliveries and sync log are deleted for good. Completions are not
          sent to this receiver again. Pausing keeps everything instead.
        </p>
        {remove.error ? <p className="mt-2 font-medium text-red-700">{remove.error.message}</p> : null}
      </ConfirmDialog>
    </>
  );
}
