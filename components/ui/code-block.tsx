/** Pretty JSON (or any text) in a dark block; JSON text is re-indented when it parses. */
export function CodeBlock({
  value,
  label,
  className = "",
}: {
  value: unknown;
  label?: string;
  className?: string;
}) {
  const text = typeof value === "string" ? prettyIfJson(value) : JSON.stringify(value, null, 2);
  return (
    <figure aria-label={label} className="m-0">
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must be reachable by keyboard to scroll it (WCAG 2.1.1)
        tabIndex={0}
        className={`overflow-x-auto rounded-panel bg-ink-900 p-3 font-mono text-xs leading-relaxed text-ink-100 ${className}`}
      >
        {text}
      </pre>
    </figure>
  );
}

function prettyIfJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
