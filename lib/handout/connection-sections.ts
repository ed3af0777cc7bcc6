// The handout's sections on where requests go, how they sign in and where they come from.

import { listInWords } from "@/lib/delivery/outbound-ips";
import { authBlocks } from "./auth-section";
import type { HandoutBlock, HandoutFacts, HandoutSection } from "./model";

export function endpointSection(f: HandoutFacts): HandoutSection {
  const headers = Object.entries(f.customHeaders).map(([name, value]) => `\`${name}: ${value}\``);
  return {
    id: "endpoint",
    title: "Endpoint",
    blocks: [
      {
        kind: "table",
        head: ["", ""],
        rows: [
          ["Endpoint (production)", `\`${f.endpointUrl}\``],
          ["Test endpoint", f.testUrl ? `\`${f.testUrl}\`` : "none set: tests go to the production endpoint"],
          ["Method", "`POST`, one completion per request"],
          ["Body", "JSON (`Content-Type: application/json`), UTF-8"],
        ],
      },
      ...(headers.length > 0
        ? [{ kind: "text", text: `Every request also carries ${headers.join(", ")}.` } satisfies HandoutBlock]
        : []),
      {
        kind: "text",
        text: "The LMS administrator's test tools (Test connection, Test with user) send to the test endpoint when one is set, so you can try your side before production data flows.",
      },
    ],
  };
}

export function authSection(f: HandoutFacts): HandoutSection {
  return { id: "authentication", title: "Authentication", blocks: authBlocks(f) };
}

export function addressSection(f: HandoutFacts): HandoutSection {
  const { ips, observed } = f.outbound;
  if (ips.length > 0) {
    return {
      id: "addresses",
      title: "Outbound addresses (for your firewall)",
      blocks: [
        {
          kind: "text",
          text: "Requests come from these addresses; please allow them to reach the endpoint:",
        },
        { kind: "list", items: ips.map((ip) => `\`${ip}\``) },
        { kind: "text", text: `In short: allow ${listInWords(ips)}.` },
      ],
    };
  }
  const seen: HandoutBlock =
    observed === null
      ? { kind: "text", text: "No connection to your endpoint has been tried for this handout." }
      : "localAddress" in observed
        ? {
            kind: "text",
            text: `This server reached your endpoint from \`${observed.localAddress}\`: the local address of its connection, as this server sees it. Behind NAT or a proxy your firewall sees another address; ask the LMS operator.`,
          }
        : {
            kind: "text",
            text: `This server could not open a connection to your endpoint to see its own address: ${observed.problem}`,
          };
  return {
    id: "addresses",
    title: "Outbound addresses (for your firewall)",
    blocks: [
      {
        kind: "text",
        text: "The LMS operator has not listed the addresses requests leave from (the OUTBOUND_IPS setting is not set). If your endpoint sits behind an IP allow-list, ask them for the list.",
      },
      seen,
    ],
  };
}
