import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SettingsForm } from "@/components/settings-form/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/lib/auth/actor";
import { demoReceiverAccess } from "@/lib/demo/receiver-access";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "New integration" };

export default async function NewIntegrationPage() {
  const actor = await getSessionActor();
  if (actor?.role !== "admin") redirect("/integrations");
  return (
    <div className="mx-auto max-w-4xl">
      <Link href="/integrations" className="text-sm text-slate-500 hover:text-slate-800">
        ← Integrations
      </Link>
      <div className="mt-2">
        <PageHeader
          title="New integration"
          description="Where completions go and how LMS Sync signs in. It starts with the standard payload mapping, which you can change next."
        />
      </div>
      <SettingsForm
        mode="create"
        canEdit
        isProduction={getSettings().isProduction}
        demoReceiver={demoReceiverAccess()}
      />
    </div>
  );
}
