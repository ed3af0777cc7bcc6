// The inline marks handout texts use: `code` and **bold**. Markdown keeps them; the PDF and the page style them.

export type InlinePart = { text: string; style: "plain" | "code" | "bold" };

/** Splits a text at its `code` and **bold** spans (no nesting; an unclosed mark is plain text). */
export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), style: "plain" });
    parts.push(m[1] !== undefined ? { text: m[1], style: "code" } : { text: m[2] ?? "", style: "bold" });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), style: "plain" });
  return parts;
}
