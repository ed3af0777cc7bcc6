import type { Metadata } from "next";
import { IntegrationList } from "@/components/integrations/integration-list";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const actor = await getSessionActor();
  const canEdit = actor?.role === "admin";
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where course completions are sent, how, and how it is going."
        actions={
          canEdit ? (
            <>
              <ButtonLink href="/integrations/import" variant="secondary">
                Import from file
              </ButtonLink>
              <ButtonLink href="/integrations/new">New integration</ButtonLink>
            </>
          ) : null
        }
      />
      <IntegrationList canEdit={canEdit} />
    </>
  );
}
