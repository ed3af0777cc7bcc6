import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DemoReceipts } from "@/components/demo/demo-receipts";
import { DemoReceiverAccessCard } from "@/components/demo/demo-receiver-access";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/lib/auth/actor";
import { demoReceiverAccess } from "@/lib/demo/receiver-access";

export const metadata: Metadata = { title: "Demo receiver" };

export default async function DemoReceiverPage() {
  // Outside the demo setup (production, or no demo key) the receiver answers 404: so does its page.
  if (demoReceiverAccess() === null) notFound();
  const actor = await getSessionActor();
  // Admins set integrations up, so they see the key; viewers see what arrived.
  const access = actor?.role === "admin" ? demoReceiverAccess() : null;
  return (
    <>
      <PageHeader
        title="Demo receiver"
        description={
          <>
            A stand-in for an HR system, served by this app at{" "}
            <code className="font-mono">/api/demo-receiver</code> (X-API-Key protected). What the demo
            integration sends shows up here.
          </>
        }
      />
      {access ? <DemoReceiverAccessCard {...access} /> : null}
      <DemoReceipts />
    </>
  );
}
