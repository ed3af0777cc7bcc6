"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";

/** Downloads the integration as a JSON file (settings and mapping, no secret), to import on another LMS Sync. */
export function ExportButton({ id, name }: { id: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const onExport = async () => {
    setIsBusy(true);
    setError(null);
    try {
      const document = await fetchJson<unknown>(`/api/integrations/${id}/export`);
      const blob = new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: "application/json" });
      const link = Object.assign(window.document.createElement("a"), {
        href: URL.createObjectURL(blob),
        download: `${name.replace(/[^\w.-]+/g, "-").toLowerCase() || "integration"}.lms-sync.json`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The export failed");
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        onClick={onExport}
        disabled={isBusy}
        title="Settings and mapping as a JSON file, without secrets"
      >
        Export
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-danger-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
