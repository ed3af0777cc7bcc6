import type { MappingIssue } from "@/lib/mapping";
import { type Mark, markPieces } from "./issue-marks";
import { withinEntry } from "./issues";

export type ShownIssue = Pick<MappingIssue, "start" | "end" | "message" | "suggestion"> & {
  index?: number | null;
  key?: string;
};

const MARK_STYLES = {
  error:
    "bg-red-100 text-red-800 underline decoration-red-600 decoration-wavy decoration-from-font underline-offset-2",
  warning: "bg-amber-100 text-amber-900 underline decoration-amber-500 decoration-wavy underline-offset-2",
} as const;

function marksOf(issues: readonly ShownIssue[], tone: Mark["tone"]): Mark[] {
  return issues.flatMap((i) =>
    i.start === undefined ? [] : [{ start: i.start, end: i.end ?? i.start, tone }],
  );
}

function message(issue: ShownIssue): string {
  return issue.index === undefined ? issue.message : withinEntry(issue as MappingIssue);
}

/**
 * The text (a key or a chain) with each problem's [start, end) underlined where it is, and the messages
 * under it; the underlined copy is for the eye, the messages carry the same for screen readers. A "Did you
 * mean" is a button that puts the suggestion in place (`onApply`, left out where the text cannot be changed).
 */
export function IssueList({
  id,
  text,
  errors,
  warnings = [],
  onApply,
}: {
  id: string;
  text: string;
  errors: readonly ShownIssue[];
  warnings?: readonly ShownIssue[];
  onApply?: (issue: ShownIssue & { suggestion: string }) => void;
}) {
  if (errors.length === 0 && warnings.length === 0) return null;
  const marks = [...marksOf(errors, "error"), ...marksOf(warnings, "warning")];
  return (
    <div id={id} className="space-y-1">
      {marks.length > 0 && text !== "" ? (
        <div
          aria-hidden="true"
          data-testid="issue-text"
          className="overflow-x-auto whitespace-pre rounded-md bg-slate-50 px-3 py-1 font-mono text-xs text-slate-500"
        >
          {markPieces(text, marks).map((p, i) =>
            p.tone === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reordered
              <span key={i}>{p.text}</span>
            ) : (
              <mark
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reordered
                key={i}
                data-testid={p.tone === "error" ? "error-span" : "warning-span"}
                className={`rounded-sm ${MARK_STYLES[p.tone]} ${p.isEmpty ? "inline-block w-1.5" : ""}`}
              >
                {p.text}
              </mark>
            ),
          )}
        </div>
      ) : null}
      <ul className="space-y-0.5">
        {errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
          <li key={`e${i}`} data-testid="issue-error" className="text-xs text-red-700">
            {message(e)}
            {e.suggestion !== undefined && onApply ? (
              <>
                {" "}
                <button
                  type="button"
                  onClick={() => onApply({ ...e, suggestion: e.suggestion as string })}
                  className="ml-1 rounded bg-white px-1.5 py-0.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  Use <code className="font-mono">{e.suggestion}</code>
                </button>
              </>
            ) : null}
          </li>
        ))}
        {warnings.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
          <li key={`w${i}`} data-testid="issue-warning" className="text-xs text-amber-800">
            {message(w)}
          </li>
        ))}
      </ul>
    </div>
  );
}
