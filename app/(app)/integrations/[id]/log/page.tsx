import type { Metadata } from "next";
import { SyncLogView } from "@/components/sync-log/sync-log-view";

export const metadata: Metadata = { title: "Sync log" };

export default async function SyncLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SyncLogView integrationId={id} />;
}
