// The OpenAPI 3.1 document, built from the contracts the routes declare beside their handlers (rule 14b).

import { z } from "zod";
import type { ErrorSpec, ErrorStatus, RouteContract } from "./contract";
import { apiErrorBodySchema } from "./error-schemas";
import {
  ERROR_RESPONSES,
  type JsonSchema,
  jsonContent,
  sharedComponents,
  toJsonSchema,
} from "./openapi-components";

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
export type OpenApiOperation = ReturnType<typeof operation>;
export type OpenApiParameter = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
};

/** The document for `contracts`: one operation each, with its schemas, errors and example. */
export function buildOpenApi(version: string, contracts: readonly RouteContract[]) {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const c of [...contracts].sort((a, b) => a.path.localeCompare(b.path))) {
    const method = c.method.toLowerCase();
    if (paths[c.path]?.[method]) throw new Error(`${c.method} ${c.path} is declared twice`);
    paths[c.path] = { ...paths[c.path], [method]: operation(c) };
  }
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "LMS Sync API",
      version,
      description:
        "Everything an admin can do in the browser, for scripts. Authenticate with the session cookie or " +
        "`Authorization: Bearer <API token>` (`npm run token:create -- --email …`); a token carries its user's " +
        "role. Errors are `{ error: { code, message, details? } }`. Built from the contracts the routes declare, " +
        "so it cannot drift from them. Sign-in itself (`/api/auth/*`) belongs to next-auth and is not listed.",
    },
    paths,
    components: withKeySchemes(sharedComponents(), contracts),
  };
}

/** A route with its own key header (the demo receiver) gets a security scheme for that header. */
function withKeySchemes(
  components: ReturnType<typeof sharedComponents>,
  contracts: readonly RouteContract[],
) {
  const keys = contracts.flatMap((c) => (c.apiKey ? [c.apiKey.header] : []));
  const schemes = Object.fromEntries([
    ...keys.map((header) => [
      header,
      { type: "apiKey", in: "header", name: header, description: "The route's own key" },
    ]),
    ...contracts.flatMap((c) => Object.entries(c.proof?.schemes ?? {})),
  ]);
  return { ...components, securitySchemes: { ...components.securitySchemes, ...schemes } };
}

function operation(c: RouteContract) {
  const inQuery = c.method === "GET" || c.method === "DELETE";
  const body = c.input && !inQuery ? c.input : undefined;
  return {
    operationId: `${c.method.toLowerCase()}${c.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch = "") => ch.toUpperCase())}`,
    summary: c.summary,
    description: [c.description, access(c)].filter(Boolean).join("\n\n"),
    tags: [c.path.split("/")[2]],
    "x-role": c.role,
    security: security(c),
    parameters: [...pathParameters(c), ...queryParameters(c)],
    ...(body && {
      requestBody: { required: true, content: jsonContent(toJsonSchema(body, "input"), c.example.input) },
    }),
    responses: { [String(c.status ?? 200)]: success(c), ...errorResponses(c) },
  };
}

function access(c: RouteContract): string {
  if (c.apiKey) return `Needs the ${c.apiKey.header} header instead of a session.`;
  if (c.proof) return c.proof.description;
  if (c.role === "public") return "Public: no session or token needed.";
  return `Needs the ${c.role} role (session cookie or API token).`;
}

function security(c: RouteContract) {
  if (c.apiKey) return [{ [c.apiKey.header]: [] }];
  if (c.proof) return Object.keys(c.proof.schemes).map((name) => ({ [name]: [] }));
  return c.role === "public" ? [] : [{ session: [] }, { apiToken: [] }];
}

function pathParameters(c: RouteContract): OpenApiParameter[] {
  const names = [...c.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const declared = Object.keys(c.params?.shape ?? {});
  if (names.join() !== declared.join()) {
    throw new Error(`${c.method} ${c.path} declares path parameters [${declared}], its path has [${names}]`);
  }
  return names.map((name) => {
    const schema = toJsonSchema(c.params!.shape[name] as z.ZodType, "input");
    return {
      name,
      in: "path",
      required: true,
      description: schema.description as string | undefined,
      schema,
    };
  });
}

function queryParameters(c: RouteContract): OpenApiParameter[] {
  if (!c.input || !(c.method === "GET" || c.method === "DELETE")) return [];
  if (!(c.input instanceof z.ZodObject))
    throw new Error(`${c.method} ${c.path}: a query input must be a z.object`);
  const schema = toJsonSchema(c.input, "input") as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  const example = (c.example.input ?? {}) as Record<string, unknown>;
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    description: property.description as string | undefined,
    schema: property,
    ...(example[name] !== undefined && { example: example[name] }),
  }));
}

function success(c: RouteContract) {
  if (c.status === 204) return { description: "Done; no body" };
  const schema = toJsonSchema(c.output, "output");
  if (c.progress) {
    const events = { ...toJsonSchema(c.progress.event, "output"), description: c.progress.description };
    return {
      description: "OK: the reply, or with Accept: application/x-ndjson its progress, one event per line",
      content: { ...jsonContent(schema, c.example.output), "application/x-ndjson": { schema: events } },
    };
  }
  if (!c.download) return { description: "OK", content: jsonContent(schema, c.example.output) };
  const content = Object.fromEntries(
    Object.entries(c.download).map(([media, holds]) => [
      media,
      media.includes("json")
        ? { schema: { ...schema, description: holds }, example: c.example.output }
        : { schema: { type: "string", description: holds } },
    ]),
  );
  return { description: "A file download", content };
}

function errorResponses(c: RouteContract) {
  const declared: Partial<Record<ErrorStatus | 500, ErrorSpec>> = { ...c.errors };
  if (c.input) declared[400] ??= "The input is invalid";
  if (c.role !== "public" || c.apiKey || c.proof) declared[401] ??= ERROR_RESPONSES[401].description;
  if (c.role === "admin") declared[403] ??= "Needs the admin role";
  declared[500] ??= ERROR_RESPONSES[500].description;
  return Object.fromEntries(
    Object.entries(declared).map(([status, spec]) => [
      status,
      errorResponse(Number(status) as ErrorStatus, spec),
    ]),
  );
}

function errorResponse(status: ErrorStatus | 500, spec: ErrorSpec) {
  const ref = `#/components/responses/${ERROR_RESPONSES[status].name}`;
  if (typeof spec === "string") return { $ref: ref, description: spec };
  if (!spec.details && !spec.body) return { $ref: ref, description: spec.description };
  const schema = spec.body ?? apiErrorBodySchema(spec.details);
  return { description: spec.description, content: jsonContent(toJsonSchema(schema, "output")) };
}
