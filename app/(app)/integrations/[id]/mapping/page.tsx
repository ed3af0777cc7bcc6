import type { Metadata } from "next";
import { MappingEditor } from "@/components/mapping-editor/mapping-editor";

export const metadata: Metadata = { title: "Payload mapping" };

export default async function MappingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MappingEditor integrationId={id} />;
}
