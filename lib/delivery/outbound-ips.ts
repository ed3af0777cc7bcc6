import { isIP } from "node:net";
import { ordinal } from "../mapping/ordinal";

// OUTBOUND_IPS: the deployment's egress addresses, as the operator knows them (LMS Sync cannot see its own NAT).
// They are what the receiver's IT must allow, so the timeout and 403 diagnoses and the IT handout name them.

export type OutboundIpsResult = { ok: true; value: string[] } | { ok: false; error: string };

/** One entry's problem, or null: an IPv4 or IPv6 address, or either with a /prefix in range. */
function entryProblem(entry: string): string | null {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return "is not an IPv4 or IPv6 address or CIDR range";
  if (prefix === undefined) return null;
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return `has a prefix length that is not 0–${max} (after the /)`;
  }
  return null;
}

/** Parses the comma-separated list; an error names the first bad entry by its place and text. */
export function parseOutboundIps(text: string): OutboundIpsResult {
  const entries = text.split(",").map((e) => e.trim());
  if (entries.every((e) => e === "")) return { ok: true, value: [] };
  const value: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const problem = entry === "" ? "is empty (two commas in a row?)" : entryProblem(entry);
    if (problem) return { ok: false, error: `the ${ordinal(i + 1)} entry "${entry}" ${problem}` };
    value.push(entry);
  }
  return { ok: true, value };
}

/** "203.0.113.10", "203.0.113.10 and 203.0.113.11", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What IT must allow: "allow 203.0.113.10 and 203.0.113.11", or this server's address when none are listed. */
export function allowPhrase(outboundIps: readonly string[]): string {
  return outboundIps.length > 0
    ? `allow ${listInWords(outboundIps)}`
    : "allow this server's outbound IP address (the operator can list it in OUTBOUND_IPS)";
}

/** The request to IT that the timeout and 403 diagnoses make. */
export function allowListRequest(outboundIps: readonly string[]): string {
  return `ask the receiving system's IT to ${allowPhrase(outboundIps)}`;
}
