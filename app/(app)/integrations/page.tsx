import type { Metadata } from "next";
import { IntegrationList } from "@/components/integrations/integration-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Integrations" };

export default function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where course completions are sent, how, and how it is going."
      />
      <IntegrationList />
    </>
  );
}
