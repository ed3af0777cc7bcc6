"use client";

import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** The demo receiver's URL, header and key, each with a copy button, to point a new integration at it. */
export function DemoReceiverAccessCard({
  url,
  headerName,
  apiKey,
}: {
  url: string;
  headerName: string;
  apiKey: string;
}) {
  const rows = [
    { term: "Endpoint URL", value: url, copy: "Copy URL", testId: "demo-url" },
    { term: "API key header", value: headerName, copy: "Copy header name", testId: "demo-header" },
    { term: "API key", value: apiKey, copy: "Copy key", testId: "demo-key" },
  ];
  return (
    <Card
      className="mb-6"
      title="Point an integration here"
      description="On a new integration choose “API key” and enter these (or use “Use the demo receiver” there). The key guards this demo receiver only; production has no demo receiver."
    >
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr_auto] sm:items-center">
        {rows.map((r) => (
          <div key={r.term} className="contents">
            <dt className="font-medium text-ink-700">{r.term}</dt>
            <dd className="break-all font-mono text-xs" data-testid={r.testId}>
              {r.value}
            </dd>
            <dd>
              <CopyButton text={r.value} label={r.copy} />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
