import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { inlineParts } from "@/lib/handout/inline";
import type { HandoutBlock, HandoutDoc } from "@/lib/handout/model";

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineParts(text).map((part, i) => {
        const key = `${i}-${part.style}`;
        if (part.style === "code") {
          return (
            <code key={key} className="rounded bg-ink-100 px-1 font-mono text-[0.85em]">
              {part.text}
            </code>
          );
        }
        return part.style === "bold" ? (
          <strong key={key}>{part.text}</strong>
        ) : (
          <span key={key}>{part.text}</span>
        );
      })}
    </>
  );
}

function Block({ block }: { block: HandoutBlock }) {
  switch (block.kind) {
    case "text":
      return (
        <p className="text-sm leading-relaxed">
          <Inline text={block.text} />
        </p>
      );
    case "list":
      return (
        <ul className="list-disc space-y-1 pl-5 text-sm leading-relaxed">
          {block.items.map((item) => (
            <li key={item}>
              <Inline text={item} />
            </li>
          ))}
        </ul>
      );
    case "table": {
      const hasHead = block.head.some((h) => h !== "");
      return (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            {hasHead ? (
              <thead className="border-b border-ink-200 text-xs text-ink-500">
                <tr>
                  {block.head.map((h) => (
                    <th key={h} className="py-1.5 pr-4 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
            ) : null}
            <tbody className="divide-y divide-ink-100">
              {block.rows.map((row) => (
                <tr key={row.join("|")}>
                  {row.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a cell's column is its identity
                    <td key={i} className="py-1.5 pr-4 align-top">
                      <Inline text={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "code":
      return <CodeBlock value={block.text} label="Example" />;
    default: {
      const unknown: never = block;
      return <p>{String(unknown)}</p>;
    }
  }
}

/** The handout as the page shows it, with its downloads: the same document the Markdown and PDF are made from. */
export function HandoutView({ integrationId, handout }: { integrationId: string; handout: HandoutDoc }) {
  const api = `/api/integrations/${integrationId}/handout`;
  return (
    <div className="space-y-4">
      <Card
        title="Handout for IT"
        description={handout.intro}
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClass("primary")} href={`${api}?format=pdf`} download>
              Download PDF
            </a>
            <a className={buttonClass("secondary")} href={`${api}?format=md`} download>
              Download Markdown
            </a>
          </div>
        }
      >
        <div className="flex flex-wrap items-center gap-2 px-5 py-3 text-sm">
          <span>
            A receiver to start from, with this integration's header names, keys and JSON Schema filled in: it
            checks each payload against the whole schema (Node with Ajv; Python with jsonschema when
            installed, else the required keys) and answers 400 with each problem's key. Secrets come from its
            environment:
          </span>
          <a className={buttonClass("secondary")} href={`${api}/starter?language=node`} download>
            Node (receiver.mjs)
          </a>
          <a className={buttonClass("secondary")} href={`${api}/starter?language=python`} download>
            Python (receiver.py)
          </a>
        </div>
      </Card>
      {handout.sections.map((section) => (
        <Card key={section.id} title={section.title}>
          <div className="space-y-3 px-5 py-4" data-testid={`handout-${section.id}`}>
            {section.blocks.map((block, i) => (
              // Blocks never move: their place is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static document
              <Block key={i} block={block} />
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
