"use client";

import Link from "next/link";
import type { ContractIssue } from "@/lib/contract/model";
import type { useContractCheck } from "./use-contract-check";

/** An issue's words after its key ("must be a string (got 42)"), for a row that shows the key already. */
export function afterKey(issue: ContractIssue): string {
  const prefix = `${issue.key === "" ? "The payload" : issue.key}: `;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

/** The issues at their keys: the key in code, then what is wrong with it. */
export function ContractIssueList({ issues }: { issues: readonly ContractIssue[] }) {
  return (
    <ul className="mt-1 space-y-1">
      {issues.map((issue) => (
        <li key={issue.message} data-testid="schema-issue" className="text-xs text-red-700">
          <code className="font-mono font-semibold text-red-800">{issue.key || "payload"}</code> —{" "}
          {afterKey(issue)}
        </li>
      ))}
    </ul>
  );
}

/** Under the preview's payload: whether it fits the receiver's schema, and where it does not. */
export function ContractStatus({
  integrationId,
  contract,
}: {
  integrationId: string;
  contract: ReturnType<typeof useContractCheck>;
}) {
  const reply = contract.check?.data;
  if (!contract.hasSchema || !reply) return null;
  const settings = (
    <Link href={`/integrations/${integrationId}#receiver-contract`} className="underline">
      Receiver's contract
    </Link>
  );
  if (reply.schemaProblems.length > 0)
    return (
      <p className="text-xs text-red-700" data-testid="contract-status">
        The receiver's schema cannot be used: {reply.schemaProblems[0]?.message} ({settings}).
      </p>
    );
  const result = reply.results[0];
  if (!result) return null;
  if (result.isValid)
    return (
      <p className="text-xs text-emerald-800" data-testid="contract-status">
        Fits the receiver's JSON Schema ({settings}).
      </p>
    );
  return (
    <div data-testid="contract-status">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-red-800">
        Breaks the receiver's schema
      </h3>
      <p className="text-xs text-slate-600">
        {reply.validateBeforeSending
          ? "A run would not send this payload: validate before sending is on."
          : "A run would still send it (validate before sending is off); the receiver may refuse it."}
      </p>
      <ContractIssueList issues={result.issues} />
    </div>
  );
}
