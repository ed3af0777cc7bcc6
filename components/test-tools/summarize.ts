// "Test with user" read for the answer: one summary line, the learners that were not there, and the exchanges
// grouped by outcome, so a diagnosis shared by many completions is said once.

import type { Diagnosis } from "@/lib/delivery/types";
import type { TestExchange, TestUserResult } from "@/lib/testing-tools/output-schemas";

export type ExchangeItem = { userName: string; exchange: TestExchange };

export type OutcomeGroup = {
  key: string;
  kind: "not-built" | "failed" | "accepted";
  title: string;
  /** Said once for the group (the same cause for every exchange in it). */
  diagnosis?: Diagnosis;
  /** Why the payloads could not be built, each message once. */
  problems: string[];
  items: ExchangeItem[];
};

export type TestSummary = {
  /** "5 of 5 accepted by the receiver, HTTP 201, 120–310 ms". */
  line: string;
  tone: "ok" | "warning" | "failed" | "nothing";
  /** Names no learner has, as asked for. */
  unknown: string[];
  /** Learners who have no completions to send. */
  withoutCompletions: string[];
  groups: OutcomeGroup[];
};

const KIND_ORDER: Record<OutcomeGroup["kind"], number> = { "not-built": 0, failed: 1, accepted: 2 };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function groupOf(exchange: TestExchange): Omit<OutcomeGroup, "items" | "problems"> {
  const { outcome } = exchange;
  if (exchange.schemaIssues && !outcome)
    return {
      key: "breaks-schema",
      kind: "not-built",
      title: "Not sent: the payload breaks the receiver's schema (validate before sending is on)",
    };
  if (exchange.payloadErrors || !outcome)
    return { key: "not-built", kind: "not-built", title: "Not sent: the payload could not be built" };
  if (outcome.ok)
    return {
      key: `ok:${outcome.status}`,
      kind: "accepted",
      title: `Accepted by the receiver · HTTP ${outcome.status}`,
    };
  const what = outcome.status ? `HTTP ${outcome.status}` : (outcome.error?.message ?? "no answer");
  const cause = outcome.diagnosis?.cause ?? "";
  return {
    key: `failed:${outcome.status ?? outcome.error?.code ?? ""}:${cause}`,
    kind: "failed",
    title: outcome.status ? `Refused by the receiver · ${what}` : `Failed · ${what}`,
    ...(outcome.diagnosis ? { diagnosis: outcome.diagnosis } : {}),
  };
}

/** "HTTP 201" or "HTTP 201 and 401", most frequent first; failures without an answer by their code. */
function answers(exchanges: TestExchange[]): string {
  const counts = new Map<string, number>();
  for (const e of exchanges) {
    const o = e.outcome;
    if (!o) continue;
    const label = o.status ? String(o.status) : (o.error?.code ?? "no answer");
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labels = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  const statuses = labels.filter((l) => /^\d+$/.test(l));
  const others = labels.filter((l) => !/^\d+$/.test(l));
  const parts = [
    ...(statuses.length > 0 ? [`HTTP ${statuses.join(" and ")}`] : []),
    ...others.map((o) => o.replaceAll("_", " ")),
  ];
  return parts.join(", ");
}

function durations(exchanges: TestExchange[]): string {
  const ms = exchanges.flatMap((e) => (e.outcome ? [Math.round(e.outcome.durationMs)] : []));
  if (ms.length === 0) return "";
  const low = Math.min(...ms);
  const high = Math.max(...ms);
  return low === high ? `${low} ms` : `${low}–${high} ms`;
}

/** The whole test in one line and in groups; unknown learners first. */
export function summarizeTest(results: readonly TestUserResult[]): TestSummary {
  const unknown = results.filter((r) => !r.known).map((r) => r.userName);
  const withoutCompletions = results.filter((r) => r.known && !r.found).map((r) => r.userName);
  const items = results.flatMap((r) => r.exchanges.map((exchange) => ({ userName: r.userName, exchange })));
  const exchanges = items.map((i) => i.exchange);

  const groups = new Map<string, OutcomeGroup>();
  for (const item of items) {
    const g = groupOf(item.exchange);
    const group = groups.get(g.key) ?? { ...g, problems: [], items: [] };
    group.items.push(item);
    const problems = [
      ...(item.exchange.payloadErrors ?? []),
      ...(item.exchange.outcome ? [] : (item.exchange.schemaIssues ?? []).map((i) => i.message)),
    ];
    for (const p of problems) if (!group.problems.includes(p)) group.problems.push(p);
    groups.set(g.key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);

  const sent = exchanges.filter((e) => e.outcome);
  const accepted = sent.filter((e) => e.outcome?.ok).length;
  const heldBack = exchanges.filter((e) => !e.outcome && e.schemaIssues).length;
  const notBuilt = exchanges.length - sent.length - heldBack;
  const breaking = exchanges.filter((e) => e.schemaIssues).length;
  const parts: string[] = [];
  if (exchanges.length === 0) parts.push("Nothing was sent: no completions to test");
  else {
    const head = `${accepted} of ${exchanges.length} accepted by the receiver`;
    parts.push([head, answers(sent), durations(sent)].filter(Boolean).join(", "));
    if (notBuilt > 0) parts.push(`${notBuilt} not sent: the payload could not be built`);
    if (breaking > 0) {
      const sentAnyway = breaking - heldBack;
      parts.push(
        `${breaking} ${breaking === 1 ? "breaks" : "break"} the receiver's schema` +
          (heldBack > 0 ? ` (${heldBack} not sent)` : "") +
          (sentAnyway > 0 ? ` (${sentAnyway} sent anyway)` : ""),
      );
    }
  }
  if (unknown.length > 0) parts.push(`${plural(unknown.length, "learner", "learners")} not found`);
  if (withoutCompletions.length > 0)
    parts.push(`${plural(withoutCompletions.length, "learner has", "learners have")} no completions`);
  const tone =
    exchanges.length === 0
      ? "nothing"
      : accepted < exchanges.length
        ? "failed"
        : unknown.length + withoutCompletions.length > 0
          ? "warning"
          : "ok";
  return { line: parts.join("; "), tone, unknown, withoutCompletions, groups: ordered };
}
