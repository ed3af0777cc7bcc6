import type { Metadata } from "next";
import { TestConnectionCard } from "@/components/test-tools/test-connection-card";
import { TestWithUserCard } from "@/components/test-tools/test-with-user-card";

export const metadata: Metadata = { title: "Test" };

export default async function IntegrationTestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="space-y-6">
      <TestConnectionCard integrationId={id} />
      <TestWithUserCard integrationId={id} />
    </div>
  );
}
