import type { Metadata } from "next";
import { RunsView } from "@/components/runs/runs-view";

export const metadata: Metadata = { title: "Runs" };

export default async function IntegrationRunsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RunsView integrationId={id} />;
}
