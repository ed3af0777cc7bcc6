import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import type { OpenApiOperation } from "@/lib/api/openapi";
import { fieldRows, typeLabel } from "@/lib/api/schema-fields";
import { FieldTable } from "./field-table";

const METHOD_TONE: Record<string, Tone> = {
  get: "indigo",
  post: "green",
  put: "amber",
  patch: "amber",
  delete: "red",
};

type Media = { schema: unknown; example?: unknown };
type Reply = { description: string; $ref?: string; content?: Record<string, Media> };

/** One route and method: who may call it, its parameters, request and reply fields, errors and example. */
export function OperationView({ path, method, op }: { path: string; method: string; op: OpenApiOperation }) {
  const name = `${method.toUpperCase()} ${path}`;
  const request = op.requestBody?.content["application/json"];
  const replies = Object.entries(op.responses as Record<string, Reply>);
  const success = replies.filter(([status]) => status.startsWith("2"));
  const errors = replies.filter(([status]) => !status.startsWith("2"));
  const query = op.parameters.filter((p) => p.in === "query" && p.example !== undefined);
  const exampleUrl = query.length
    ? `${path}?${new URLSearchParams(query.map((p) => [p.name, String(p.example)]))}`
    : null;
  return (
    <details id={op.operationId} className="group rounded-panel bg-white shadow-sm ring-1 ring-ink-200">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-5 py-3">
        <Badge tone={METHOD_TONE[method] ?? "slate"}>{method.toUpperCase()}</Badge>
        <span className="font-mono text-sm font-medium text-ink-900">{path}</span>
        <Badge>{op["x-role"] === "public" ? "public" : `${op["x-role"]} role`}</Badge>
        <span className="text-sm text-ink-600">{op.summary}</span>
      </summary>
      <article aria-label={name} className="space-y-5 border-t border-ink-100 px-5 py-4 text-sm">
        <p className="text-ink-700">{op.description}</p>
        {op.parameters.length > 0 ? (
          <Part title="Parameters">
            <FieldTable
              label={`${name} parameters`}
              rows={op.parameters.map((p) => ({
                path: `${p.name} (${p.in})`,
                type: typeLabel(p.schema),
                isRequired: p.required,
                description: p.description,
              }))}
            />
          </Part>
        ) : null}
        {request ? (
          <Part title="Request body (JSON)">
            <FieldTable label={`${name} request`} rows={fieldRows(request.schema)} />
          </Part>
        ) : null}
        {success.map(([status, reply]) => (
          <Part key={status} title={`Reply ${status}: ${reply.description}`}>
            {Object.entries(reply.content ?? {}).map(([media, body]) => (
              <div key={media} className="space-y-1">
                <p className="font-mono text-xs text-ink-500">{media}</p>
                <FieldTable label={`${name} reply ${media}`} rows={fieldRows(body.schema)} />
              </div>
            ))}
          </Part>
        ))}
        <Part title="Errors">
          <ul className="space-y-2" aria-label={`${name} errors`}>
            {errors.map(([status, reply]) => (
              <li key={status}>
                <span className="font-mono font-medium text-ink-900">{status}</span>{" "}
                <span className="text-ink-700">{reply.description}</span>
                {reply.content ? (
                  <div className="mt-1 pl-8">
                    <FieldTable
                      label={`${name} error ${status}`}
                      rows={fieldRows(reply.content["application/json"]?.schema)}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Part>
        <Part title="Example">
          <div className="grid gap-3 lg:grid-cols-2">
            {exampleUrl ? (
              <CodeBlock label={`${name} example request`} value={`${method.toUpperCase()} ${exampleUrl}`} />
            ) : null}
            {request?.example !== undefined ? (
              <CodeBlock label={`${name} example request`} value={request.example} />
            ) : null}
            {success.map(([status, reply]) => {
              const example = Object.values(reply.content ?? {}).find(
                (body) => body.example !== undefined,
              )?.example;
              return example === undefined ? null : (
                <CodeBlock key={status} label={`${name} example reply`} value={example} />
              );
            })}
          </div>
        </Part>
      </article>
    </details>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-500">{title}</h4>
      {children}
    </section>
  );
}
