// The handout as Markdown (GitHub-flavoured tables and fenced code).

import type { HandoutBlock, HandoutDoc } from "./model";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function blockMarkdown(block: HandoutBlock): string {
  switch (block.kind) {
    case "text":
      return block.text;
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "table": {
      const head = block.head.every((h) => h === "") ? block.head.map(() => " ") : block.head;
      return [
        `| ${head.map(cell).join(" | ")} |`,
        `|${head.map(() => "---").join("|")}|`,
        ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ].join("\n");
    }
    case "code": {
      // A fence longer than any backtick run inside, so a payload cannot close it.
      const longest = Math.max(2, ...[...block.text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = "`".repeat(longest + 1);
      return `${fence}${block.language}\n${block.text}\n${fence}`;
    }
    default: {
      const unknown: never = block;
      return String(unknown);
    }
  }
}

export function handoutMarkdown(doc: HandoutDoc): string {
  const parts = [`# ${doc.title}`, doc.intro];
  for (const section of doc.sections) {
    parts.push(`## ${section.title}`, ...section.blocks.map(blockMarkdown));
  }
  return `${parts.join("\n\n")}\n`;
}
