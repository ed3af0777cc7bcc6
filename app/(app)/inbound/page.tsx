import type { Metadata } from "next";
import { NewSourceForm } from "@/components/inbound/new-source-form";
import { SourceList } from "@/components/inbound/source-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Inbound" };

export default async function InboundPage() {
  const actor = await getSessionActor();
  return (
    <>
      <PageHeader
        title="Inbound"
        description="External systems that send users or completions into the LMS, each at its own URL, signed with its own secret."
      />
      <div className="space-y-6">
        <SourceList />
        {actor?.role === "admin" ? (
          <Card title="New source" description="It gets a URL and a signing secret, shown once.">
            <NewSourceForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
