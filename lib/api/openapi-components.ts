// The parts of the OpenAPI document every route shares: JSON Schema from zod, the error shapes, the security schemes.

import { z } from "zod";
import type { ErrorStatus } from "./contract";
import { apiErrorBodySchema, inputProblemsSchema } from "./error-schemas";

export type JsonSchema = { [key: string]: unknown };

/**
 * A zod schema as OpenAPI 3.1 JSON Schema, as the request (`input`) or the reply (`output`) has it. Dates become
 * ISO 8601 text, as JSON carries them; anything zod cannot express becomes "any value".
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date")
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  // $defs would be resolved against the whole document, where they are not: a recursive schema needs a component.
  if (JSON.stringify(json).includes('"$ref":"#/$defs/'))
    throw new Error("A schema needs $defs; give it a component");
  return json;
}

/** How the error components are named, by status. */
export const ERROR_RESPONSES: Record<ErrorStatus | 500, { name: string; description: string }> = {
  400: {
    name: "BadRequest",
    description: "The input is invalid: `details` lists every problem with its path",
  },
  401: { name: "Unauthorized", description: "No session and no valid API token" },
  403: { name: "Forbidden", description: "The caller's role is not enough" },
  404: { name: "NotFound", description: "The resource does not exist" },
  409: { name: "Conflict", description: "The request conflicts with the resource's state" },
  413: { name: "PayloadTooLarge", description: "The body is larger than the route takes" },
  503: { name: "Unavailable", description: "A service the route needs is down" },
  500: { name: "InternalError", description: "A bug; the error was logged and nothing internal is revealed" },
};

/** A JSON body with its schema (and example), as a request body or a response has it. */
export const jsonContent = (schema: JsonSchema, example?: unknown) => ({
  "application/json": { schema, ...(example === undefined ? {} : { example }) },
});

/** The `components` of the document: error schemas and responses, and how a caller authenticates. */
export function sharedComponents() {
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, { name, description }]) => [
      name,
      {
        description,
        content: jsonContent({
          $ref: `#/components/schemas/${status === "400" ? "ValidationError" : "Error"}`,
        }),
      },
    ]),
  );
  return {
    schemas: {
      Error: {
        ...toJsonSchema(apiErrorBodySchema(), "output"),
        description: "The one error shape of the API",
      },
      ValidationError: {
        ...toJsonSchema(apiErrorBodySchema(inputProblemsSchema), "output"),
        description: "A 400: every problem with the input, each with its path",
      },
    },
    responses,
    securitySchemes: {
      apiToken: {
        type: "http",
        scheme: "bearer",
        description: "An API token: `npm run token:create -- --email …`; it carries that user's role",
      },
      session: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The browser's session after signing in",
      },
    },
  };
}
