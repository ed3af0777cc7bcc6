// The receiver's schema problems of the preview's payload, put on the key rows they concern, as the statusMap
// coverage warnings are: the row of the entry whose key the problem names (a list item's, or a nested key's, row).

import type { ContractIssue } from "@/lib/contract/model";
import type { Mapping } from "@/lib/mapping";
import type { ShownIssue } from "./issue-list";

export type RowIssue = ShownIssue & { index: number };

/** The entry a problem's key belongs to: the same key, the key without a list item ([i]), or the first key under it. */
function entryOf(mapping: Mapping, key: string): number {
  const bare = key.replace(/\[\d+\](?=\.|$).*$/, "");
  const same = mapping.findIndex((e) => e.key === key || e.key === bare);
  return same !== -1 ? same : mapping.findIndex((e) => bare !== "" && e.key.startsWith(`${bare}.`));
}

/** Each problem that names a key of the mapping, as a warning on that key's row ("Receiver's schema: …"). */
export function contractRowIssues(mapping: Mapping, issues: readonly ContractIssue[]): RowIssue[] {
  return issues.flatMap((issue) => {
    const index = entryOf(mapping, issue.key);
    if (index === -1) return [];
    const rest = issue.message.startsWith(`${issue.key}: `)
      ? issue.message.slice(issue.key.length + 2)
      : issue.message;
    return [{ index, key: mapping[index]?.key, message: `Receiver's schema: ${issue.key} ${rest}` }];
  });
}
