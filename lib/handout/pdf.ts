import "server-only";
import PDFDocument from "pdfkit";
import { inlineParts } from "./inline";
import type { HandoutBlock, HandoutDoc } from "./model";

// The handout as a PDF, written by pdfkit with its built-in fonts (nothing to load from disk), streamed as it is
// made. The built-in fonts cover Windows-1252 only: other characters become "?" rather than breaking the file.

type Doc = InstanceType<typeof PDFDocument>;

const FONT = { plain: "Helvetica", bold: "Helvetica-Bold", code: "Courier" } as const;
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const MARGIN = 54;

/** The text with every character the built-in fonts cannot show replaced. */
export function pdfSafe(text: string): string {
  return [...text]
    .map((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      if (c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch))
        return ch;
      return ch === "→" ? "->" : "?";
    })
    .join("");
}

function inline(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  const parts = inlineParts(pdfSafe(text));
  parts.forEach((part, i) => {
    doc.font(FONT[part.style]).text(part.text, { ...options, continued: i < parts.length - 1 });
  });
  if (parts.length === 0) doc.text("", options);
}

function table(doc: Doc, head: string[], rows: string[][]): void {
  const width = doc.page.width - 2 * MARGIN;
  const columns = Math.max(head.length, ...rows.map((r) => r.length));
  const colWidth = width / columns;
  const lines = head.every((h) => h === "") ? rows : [head, ...rows];
  lines.forEach((row, r) => {
    const isHead = r === 0 && lines !== rows;
    doc.fontSize(9).font(isHead ? FONT.bold : FONT.plain);
    const texts = row.map((t) => pdfSafe(t.replace(/`|\*\*/g, "")));
    const height = Math.max(...texts.map((t) => doc.heightOfString(t, { width: colWidth - 6 }))) + 4;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    texts.forEach((t, c) => {
      doc.text(t, MARGIN + c * colWidth, top, { width: colWidth - 6 });
    });
    doc
      .moveTo(MARGIN, top + height - 2)
      .lineTo(MARGIN + width, top + height - 2)
      .strokeColor("#cccccc")
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  });
  doc.fontSize(10).font(FONT.plain);
}

function block(doc: Doc, b: HandoutBlock): void {
  doc.fontSize(10);
  switch (b.kind) {
    case "text":
      inline(doc, b.text);
      break;
    case "list":
      for (const item of b.items) inline(doc, `• ${item}`, { indent: 0 });
      break;
    case "table":
      table(doc, b.head, b.rows);
      break;
    case "code":
      doc.font(FONT.code).fontSize(8.5).text(pdfSafe(b.text));
      break;
    default: {
      const unknown: never = b;
      doc.text(String(unknown));
    }
  }
  doc.font(FONT.plain).fontSize(10).moveDown(0.6);
}

/** Writes the handout into a PDF document and ends it; read the document as a stream of its bytes. */
export function handoutPdf(handout: HandoutDoc): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: pdfSafe(handout.title), Creator: "LMS Sync" },
  });
  doc.font(FONT.bold).fontSize(18).text(pdfSafe(handout.title));
  doc.moveDown(0.5).fontSize(10);
  inline(doc, handout.intro);
  doc.moveDown();
  for (const section of handout.sections) {
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    doc.font(FONT.bold).fontSize(13).text(pdfSafe(section.title));
    doc.moveDown(0.3);
    for (const b of section.blocks) block(doc, b);
  }
  doc.end();
  return doc;
}

/** The whole PDF in memory (tests, small handouts). */
export async function handoutPdfBytes(handout: HandoutDoc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of handoutPdf(handout)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
