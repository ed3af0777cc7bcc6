import { Card } from "@/components/ui/card";
import type { OpenApiDocument } from "@/lib/api/openapi";
import { fieldRows } from "@/lib/api/schema-fields";
import { FieldTable } from "./field-table";
import { OperationView } from "./operation-view";

/** The OpenAPI document for people: how to call the API, the error shape, then every route grouped by path. */
export function ApiReference({ doc }: { doc: OpenApiDocument }) {
  return (
    <div className="space-y-8">
      <Card title="Calling the API" description={`Version ${doc.info.version}`}>
        <div className="space-y-3 text-sm text-ink-700">
          <p>
            Send the browser's session cookie, or{" "}
            <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> with a token from{" "}
            <code className="font-mono">npm run token:create -- --email …</code>; a token carries its user's
            role. Bodies are JSON. The same description, for tools, is{" "}
            <a className="font-medium text-brand-700 underline" href="/api/openapi.json">
              /api/openapi.json
            </a>{" "}
            (OpenAPI 3.1, no sign-in needed).
          </p>
          <p>
            Every error is <code className="font-mono">{"{ error: { code, message, details? } }"}</code>; a
            400 lists every problem with the input in <code className="font-mono">details</code>:
          </p>
          <FieldTable label="Error shape" rows={fieldRows(doc.components.schemas.ValidationError)} />
        </div>
      </Card>
      {Object.entries(doc.paths).map(([path, operations]) => (
        <section key={path} aria-label={path} className="space-y-2">
          <h2 className="font-mono text-base font-semibold text-ink-900">{path}</h2>
          {Object.entries(operations).map(([method, op]) => (
            <OperationView key={method} path={path} method={method} op={op} />
          ))}
        </section>
      ))}
    </div>
  );
}
