import type { Metadata } from "next";
import { ContractCard } from "@/components/integrations/contract-card";
import { SigningCard } from "@/components/integrations/signing-card";
import { IntegrationSettings } from "@/components/settings-form/integration-settings";
import { getSessionActor } from "@/lib/auth/actor";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Integration settings" };

export default async function IntegrationSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query, actor] = await Promise.all([params, searchParams, getSessionActor()]);
  return (
    <>
      <IntegrationSettings
        id={id}
        canEdit={actor?.role === "admin"}
        isProduction={getSettings().isProduction}
        isJustCreated={query.created === "1"}
      />
      <div className="mt-6">
        <ContractCard id={id} canEdit={actor?.role === "admin"} />
      </div>
      <div className="mt-6">
        <SigningCard id={id} canEdit={actor?.role === "admin"} />
      </div>
    </>
  );
}
