"use client";

import Link from "next/link";
import { useEffect } from "react";
import { IntegrationActions } from "@/components/integrations/integration-actions";
import { useIntegration } from "@/components/integrations/use-integration";
import { Alert } from "@/components/ui/alert";
import { SettingsForm } from "./settings-form";

/** The Settings tab: the saved integration loaded, then its form; a welcome line right after it was created. */
export function IntegrationSettings({
  id,
  canEdit,
  isProduction,
  isJustCreated,
}: {
  id: string;
  canEdit: boolean;
  isProduction: boolean;
  isJustCreated: boolean;
}) {
  const { data, error, isPending } = useIntegration(id);

  // The welcome line is for this visit only; a reload should not show it again.
  useEffect(() => {
    if (isJustCreated) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [isJustCreated]);

  if (isPending) return <p className="text-sm text-slate-500">Loading settings…</p>;
  if (error) return <Alert>Could not load the settings: {error.message}</Alert>;
  return (
    <div className="mx-auto max-w-4xl">
      {isJustCreated ? (
        <div className="mb-6">
          <Alert tone="info">
            <strong>Integration created.</strong> It sends the standard payload; adjust it under{" "}
            <Link href={`/integrations/${id}/mapping`} className="font-medium underline">
              Payload mapping
            </Link>{" "}
            and try it with{" "}
            <Link href={`/integrations/${id}/test`} className="font-medium underline">
              Test
            </Link>
            .
          </Alert>
        </div>
      ) : null}
      {canEdit ? (
        <div className="mb-6 flex flex-wrap items-center justify-end gap-2">
          <IntegrationActions integration={data} />
        </div>
      ) : null}
      <SettingsForm mode="edit" integration={data} canEdit={canEdit} isProduction={isProduction} />
    </div>
  );
}
