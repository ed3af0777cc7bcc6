import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { HandoutView } from "@/components/handout/handout-view";
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { uuidParam } from "@/lib/api/handler";
import { getSessionActor } from "@/lib/auth/actor";
import { buildHandout } from "@/lib/handout/build";
import { loadHandoutFacts } from "@/lib/handout/load-facts";

export const metadata: Metadata = { title: "Handout for IT" };

// Rendered on the server from the live settings: the same document the downloads are made from, so the page and
// the PDF cannot differ. It reads the database itself, so it checks the session itself too (a layout's check does
// not run for every render of a page below it).
export default async function IntegrationHandoutPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await getSessionActor())) redirect("/login");
  const { id } = await params;
  const valid = uuidParam(id);
  const row = valid ? await findIntegration(getDb(), valid) : undefined;
  if (!row) notFound();
  const handout = buildHandout(await loadHandoutFacts(getDb(), row));
  return <HandoutView integrationId={row.id} handout={handout} />;
}
