// The handout's troubleshooting table (what each failure means and who acts), and this integration's own recent
// failures from its sync log.

import { formatUtc } from "@/lib/format";
import type { HandoutFacts, HandoutSection } from "./model";

const TABLE: string[][] = [
  [
    "401",
    "The credential was not accepted",
    "Check the credential you handed over; hand over a new one if it changed",
  ],
  [
    "403",
    "Credential accepted, but not allowed here",
    "Grant the account access to the endpoint; check the IP allow-list",
  ],
  ["404", "No endpoint at this URL", "Confirm the endpoint and test endpoint URLs"],
  ["410", "Gone: LMS Sync pauses the integration", "Tell the LMS administrator the new endpoint"],
  [
    "400 / 422",
    "The payload was refused",
    "Answer with the reason in the body; compare with the payload section",
  ],
  ["413 / 415", "Too large / not JSON accepted", "Raise the size limit; accept application/json"],
  ["429 / 503", "Too many requests / unavailable", "Send Retry-After; LMS Sync waits and retries"],
  ["5xx", "An error on your side", "Check your logs for the Idempotency-Key of the request"],
  [
    "Timeout",
    "No answer in time, or a firewall drops the connection",
    "Allow the outbound addresses; answer within the timeout",
  ],
  [
    "TLS errors",
    "Certificate expired, untrusted or for another name",
    "Renew the certificate; serve the full chain; match the host name",
  ],
  [
    "Client certificate refused",
    "Your endpoint did not accept LMS Sync's certificate",
    "Trust the CA that issued it, or issue a new one",
  ],
];

export function troubleshootingSection(f: HandoutFacts): HandoutSection {
  const recent =
    f.lastErrors.length === 0
      ? [{ kind: "text" as const, text: "No failures recorded for this integration." }]
      : [
          {
            kind: "text" as const,
            text: "**This integration's recent failures** (from its sync log, newest first):",
          },
          {
            kind: "table" as const,
            head: ["Last seen", "Times", "Answer", "What happened"],
            rows: f.lastErrors.map((e) => [
              formatUtc(e.lastAt),
              String(e.count),
              e.status === null ? "no answer" : `HTTP ${e.status}`,
              e.what,
            ]),
          },
        ];
  return {
    id: "troubleshooting",
    title: "Troubleshooting",
    blocks: [{ kind: "table", head: ["Answer", "What it means", "What to do"], rows: TABLE }, ...recent],
  };
}
