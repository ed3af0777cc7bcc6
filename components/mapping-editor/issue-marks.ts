// Splits a key or chain into plain and marked pieces, so the editor can underline where a problem is.

export type Tone = "error" | "warning";
export type Mark = { start: number; end: number; tone: Tone };
export type Piece = { text: string; tone: Tone | null; isEmpty?: boolean };

/**
 * The text in pieces, marks clamped to it; errors win over warnings where they overlap, and an empty mark
 * (a position, e.g. "the | to remove is here") becomes an empty marked piece at that place.
 */
export function markPieces(text: string, marks: readonly Mark[]): Piece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const sorted = marks
    .map((m) => ({ ...m, start: clamp(m.start), end: clamp(Math.max(m.start, m.end)) }))
    .sort((a, b) => (a.tone === b.tone ? a.start - b.start : a.tone === "error" ? -1 : 1));
  const chosen: Mark[] = [];
  for (const m of sorted) {
    const overlaps = chosen.some((c) =>
      m.start === m.end ? m.start > c.start && m.start < c.end : m.start < c.end && c.start < m.end,
    );
    if (!overlaps) chosen.push(m);
  }
  chosen.sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of chosen) {
    if (m.start < at) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), tone: null });
    pieces.push(
      m.start === m.end
        ? { text: "", tone: m.tone, isEmpty: true }
        : { text: text.slice(m.start, m.end), tone: m.tone },
    );
    at = m.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), tone: null });
  return pieces;
}
