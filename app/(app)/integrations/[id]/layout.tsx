import type { ReactNode } from "react";
import { IntegrationHeader } from "@/components/integrations/integration-header";

export default async function IntegrationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return (
    <>
      <IntegrationHeader id={id} />
      {children}
    </>
  );
}
