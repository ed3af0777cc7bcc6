"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { downloadFileName, rowCounter } from "./download-stream";

type Format = "csv" | "ndjson";
type Progress = { format: Format; rows: number; bytes: number };

// Received bytes are handed to the browser as a Blob every few megabytes, which it may keep on disk, so a download
// of a million rows does not sit in the page's memory as one array.
const BLOB_EVERY = 8 * 1024 * 1024;

const formatBytes = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Saves `blob` as a file named `name`, as a download link would. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The log's downloads (CSV, CSV without bodies, NDJSON) streamed into the page, with rows and bytes so far, of about
 * how many (`expectedRows`, the log's count), and a way to cancel; the file is saved when the last byte arrives.
 */
export function LogDownloads({
  url,
  expectedRows,
}: {
  url: (params: Record<string, string>) => string;
  expectedRows: number | null;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (format: Format, params: Record<string, string>) => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ format, rows: 0, bytes: 0 });
    try {
      const res = await fetch(url({ format, ...params }), { signal: controller.signal });
      if (!res.ok || !res.body) throw new Error(await refusal(res));
      const reader = res.body.getReader();
      const parts: Blob[] = [];
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const counter = rowCounter(format);
      let rows = 0;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rows = counter.add(value);
        bytes += value.byteLength;
        pending.push(value);
        pendingBytes += value.byteLength;
        if (pendingBytes >= BLOB_EVERY) {
          parts.push(new Blob(pending as BlobPart[]));
          pending = [];
          pendingBytes = 0;
        }
        setProgress({ format, rows, bytes });
      }
      parts.push(new Blob(pending as BlobPart[]));
      save(
        new Blob(parts, { type: res.headers.get("content-type") ?? "" }),
        downloadFileName(res.headers.get("content-disposition"), `sync-log.${format}`),
      );
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  if (progress) {
    const of = expectedRows ? ` of about ${expectedRows.toLocaleString()}` : "";
    const share = expectedRows ? Math.min(100, Math.floor((progress.rows / expectedRows) * 100)) : null;
    return (
      <div className="flex items-center gap-3" data-testid="download-progress" aria-live="polite">
        <span className="tabular-nums text-slate-700">
          Downloading {progress.format.toUpperCase()}: {progress.rows.toLocaleString()} rows{of},{" "}
          {formatBytes(progress.bytes)}
          {share !== null ? ` (${share}%)` : ""}
        </span>
        <Button variant="secondary" onClick={() => abort.current?.abort()}>
          Cancel
        </Button>
      </div>
    );
  }
  // Links (a download without the page's script still works); a click streams it here to show its progress.
  const link = (label: string, format: Format, params: Record<string, string> = {}) => (
    <a
      className="font-medium text-indigo-700 hover:underline"
      href={url({ format, ...params })}
      download
      onClick={(e) => {
        e.preventDefault();
        void start(format, params);
      }}
    >
      {label}
    </a>
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      {error ? <span className="text-red-700">Download failed: {error}</span> : null}
      {link("Download CSV", "csv")}
      {link("CSV without bodies", "csv", { columns: "metadata" })}
      {link("Download NDJSON", "ndjson")}
    </div>
  );
}

/** Why the server refused a download, in its own words when it gave them (a 400 names the bad filter). */
async function refusal(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${res.status}`;
}
