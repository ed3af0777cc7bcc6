import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ImportIntegration } from "@/components/integrations/import-integration";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Import an integration" };

export default async function ImportIntegrationPage() {
  const actor = await getSessionActor();
  if (actor?.role !== "admin") redirect("/integrations");
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/integrations" className="text-sm text-slate-500 hover:text-slate-800">
        ← Integrations
      </Link>
      <div className="mt-2">
        <PageHeader
          title="Import an integration"
          description="Copy a setup tested elsewhere (a test system) here: everything is checked before anything is saved."
        />
      </div>
      <ImportIntegration />
    </div>
  );
}
