import type { Metadata } from "next";
import Link from "next/link";
import { InboundLogView } from "@/components/inbound/inbound-log-view";
import { SourceDetails } from "@/components/inbound/source-details";

export const metadata: Metadata = { title: "Inbound source" };

export default async function InboundSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="space-y-6">
      <Link href="/inbound" className="text-sm text-ink-500 hover:text-ink-800">
        ← Inbound
      </Link>
      <SourceDetails id={id} />
      <InboundLogView sourceId={id} />
    </div>
  );
}
