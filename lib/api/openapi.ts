import { z } from "zod";
import {
  createIntegrationSchema,
  listIntegrationsQuerySchema,
  updateIntegrationSchema,
} from "@/lib/integrations/schemas";
import {
  learnerCompletionsQuerySchema,
  learnerSearchSchema,
  previewInputSchema,
  saveMappingInputSchema,
} from "@/lib/learners/schemas";
import { logExportSchema, logQuerySchema } from "@/lib/sync-log/schemas";
import { testConnectionInputSchema, testUserInputSchema } from "@/lib/testing-tools/schemas";

type Op = {
  summary: string;
  role?: "viewer" | "admin";
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: string;
};

const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const deliveryId = { name: "deliveryId", in: "path", required: true, schema: { type: "integer" } };
const entryId = { name: "entryId", in: "path", required: true, schema: { type: "integer" } };

const ROUTES: Record<string, Record<string, Op>> = {
  "/api/health": { get: { summary: "Liveness and database reachability (no login)" } },
  "/api/fields": { get: { summary: "The LMS field catalogue", role: "viewer" } },
  "/api/integrations": {
    get: {
      summary: "List integrations with delivery counts and 30 days of outcomes per day in `tz`",
      role: "viewer",
      query: listIntegrationsQuerySchema,
    },
    post: {
      summary: "Create an integration (secrets are write-only)",
      role: "admin",
      body: createIntegrationSchema,
      response: "201",
    },
  },
  "/api/integrations/{id}": {
    get: { summary: "Read an integration (never its secrets)", role: "viewer" },
    patch: { summary: "Change an integration", role: "admin", body: updateIntegrationSchema },
    delete: { summary: "Delete an integration", role: "admin", response: "204" },
  },
  "/api/integrations/{id}/mapping": {
    put: {
      summary: "Replace the payload mapping (validated; 409 when baseVersion is stale)",
      role: "admin",
      body: saveMappingInputSchema,
    },
  },
  "/api/integrations/{id}/preview": {
    post: {
      summary: "Payloads and per-step trace for a learner, without sending",
      role: "viewer",
      body: previewInputSchema,
    },
  },
  "/api/learners": {
    get: {
      summary: "Search learners by user name, e-mail or name",
      role: "viewer",
      query: learnerSearchSchema,
    },
  },
  "/api/learners/{userName}/completions": {
    get: {
      summary: "A learner's completions in the mapping's record shape",
      role: "viewer",
      query: learnerCompletionsQuerySchema,
    },
  },
  "/api/integrations/{id}/test-connection": {
    post: {
      summary: "One GET/OPTIONS with auth, reported stage by stage",
      role: "admin",
      body: testConnectionInputSchema,
    },
  },
  "/api/integrations/{id}/test-user": {
    post: {
      summary: "Send test payloads for chosen learners; writes nothing",
      role: "admin",
      body: testUserInputSchema,
    },
  },
  "/api/integrations/{id}/run": { post: { summary: "Enqueue a sync now", role: "admin", response: "202" } },
  "/api/integrations/{id}/enable": {
    post: { summary: "Make active (clears an auto-disable)", role: "admin" },
  },
  "/api/integrations/{id}/pause": { post: { summary: "Pause scheduled syncs", role: "admin" } },
  "/api/integrations/{id}/backfill": {
    post: {
      summary: "Deliver every completion since a date again",
      role: "admin",
      body: z.object({ since: z.string() }),
      response: "202",
    },
  },
  "/api/integrations/{id}/deliveries/resend-failed": {
    post: { summary: "Give every failed delivery a new cycle now", role: "admin", response: "202" },
  },
  "/api/integrations/{id}/deliveries/{deliveryId}/resend": {
    post: { summary: "Send one delivery again now", role: "admin", response: "202" },
  },
  "/api/integrations/{id}/deliveries/{deliveryId}/skip": {
    post: { summary: "Never send one delivery", role: "admin", response: "202" },
  },
  "/api/integrations/{id}/log": {
    get: {
      summary: "Log entries, filtered, newest first, paged by cursor",
      role: "viewer",
      query: logQuerySchema,
    },
  },
  "/api/integrations/{id}/log/{entryId}": {
    get: { summary: "One log entry, whole, with a masked curl command", role: "viewer" },
  },
  "/api/integrations/{id}/log/export": {
    get: {
      summary: "The filtered entries as a streamed CSV or NDJSON download",
      role: "viewer",
      query: logExportSchema,
    },
  },
  "/api/notifications": { get: { summary: "The notification inbox", role: "viewer" } },
};

function parameters(path: string, query?: z.ZodObject) {
  const params: object[] = [];
  if (path.includes("{id}")) params.push(id);
  if (path.includes("{deliveryId}")) params.push(deliveryId);
  if (path.includes("{entryId}")) params.push(entryId);
  if (path.includes("{userName}"))
    params.push({ name: "userName", in: "path", required: true, schema: { type: "string" } });
  for (const [name, schema] of Object.entries(query?.shape ?? {})) {
    params.push({
      name,
      in: "query",
      required: false,
      schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }),
    });
  }
  return params;
}

/** The OpenAPI 3.1 description of the JSON API, built from the same zod schemas the routes validate with. */
export function buildOpenApi(version: string) {
  const paths = Object.fromEntries(
    Object.entries(ROUTES).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops).map(([method, op]) => [
          method,
          {
            summary: op.summary,
            ...(op.role
              ? { description: `Needs the ${op.role} role.`, security: [{ session: [] }, { apiToken: [] }] }
              : { security: [] }),
            parameters: parameters(path, op.query),
            ...(op.body
              ? {
                  requestBody: {
                    required: true,
                    content: {
                      "application/json": {
                        schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }),
                      },
                    },
                  },
                }
              : {}),
            responses: {
              [op.response ?? "200"]: { description: "OK" },
              "400": { $ref: "#/components/responses/Error" },
              "401": { $ref: "#/components/responses/Error" },
              "403": { $ref: "#/components/responses/Error" },
              "404": { $ref: "#/components/responses/Error" },
            },
          },
        ]),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "LMS Sync API",
      version,
      description:
        "Everything an admin can do in the browser, for scripts. Authenticate with the session cookie or `Authorization: Bearer <API token>` (npm run token:create).",
    },
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      responses: {
        Error: {
          description: "An error",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
                    required: ["code", "message"],
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
