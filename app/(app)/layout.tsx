import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getSessionActor } from "@/lib/auth/actor";
import { demoReceiverAccess } from "@/lib/demo/receiver-access";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, role: actor.role }}
      showDemo={demoReceiverAccess() !== null}
    >
      {children}
    </AppShell>
  );
}
