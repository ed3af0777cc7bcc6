import type { JsonValue } from "@/lib/mapping";

// Strings (a key when a colon follows), literals and numbers in pretty-printed JSON.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function highlight(text: string) {
  const parts: { text: string; className: string }[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (start > at) parts.push({ text: text.slice(at, start), className: "text-slate-400" });
    const [whole, str, colon] = m;
    if (str && colon) {
      parts.push({ text: str, className: "text-sky-300" });
      parts.push({ text: colon, className: "text-slate-400" });
    } else if (str) parts.push({ text: str, className: "text-emerald-300" });
    else if (/^[tfn]/.test(whole)) parts.push({ text: whole, className: "text-violet-300" });
    else parts.push({ text: whole, className: "text-amber-300" });
    at = start + whole.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), className: "text-slate-400" });
  return parts;
}

/**
 * Pretty JSON with its keys, strings, numbers and literals coloured; the text is exactly JSON.stringify's. Long
 * values wrap inside the box (at any character when a value has no spaces) and a long payload scrolls in it.
 */
export function JsonView({ value, label }: { value: JsonValue; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <section aria-label={label}>
      <pre
        data-testid="payload-json"
        className="max-h-[28rem] overflow-y-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]"
      >
        {highlight(text).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional and never reordered
          <span key={i} className={p.className}>
            {p.text}
          </span>
        ))}
      </pre>
    </section>
  );
}
