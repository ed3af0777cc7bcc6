import type { Metadata } from "next";
import { DemoReceipts } from "@/components/demo/demo-receipts";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demo receiver" };

export default function DemoReceiverPage() {
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
      <DemoReceipts />
    </>
  );
}
