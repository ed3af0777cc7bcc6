import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { apiDocument } from "@/lib/api/route-modules";

export const metadata: Metadata = { title: "API" };

export default function ApiDocsPage() {
  return (
    <>
      <PageHeader
        title="API"
        description="Everything the pages do, for scripts: every route with who may call it, its fields and an example. Built from the contracts beside the route handlers, so it is always the API as it runs."
      />
      <ApiReference doc={apiDocument()} />
    </>
  );
}
