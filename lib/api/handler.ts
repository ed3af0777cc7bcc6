import "server-only";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { type Actor, hasRole, type Role } from "@/lib/auth/roles";
import { apiError, validationError } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type HandlerArgs<I> = { request: Request; actor: Actor; input: I; params: Record<string, string> };

/**
 * Wraps a route handler: checks the session or API token (401), the role (403), parses the JSON body
 * (or, for GET and DELETE, the query string) with `schema` (400 with every issue), and turns
 * unexpected exceptions into a logged 500 that reveals nothing internal.
 */
export function withRole<S extends z.ZodType | null>(
  role: Role,
  schema: S,
  handler: (args: HandlerArgs<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await getActor(request);
      if (!actor) return apiError(401, "unauthorized", "Sign in or send Authorization: Bearer <API token>");
      if (!hasRole(actor.role, role)) {
        return apiError(403, "forbidden", `This needs the ${role} role; you are ${actor.role}`);
      }
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join("/") : v,
        ]),
      );
      let input: unknown;
      if (schema) {
        const raw = await readInput(request);
        if (!raw.ok) return raw.response;
        const parsed = schema.safeParse(raw.value);
        if (!parsed.success) return validationError(parsed.error, raw.where);
        input = parsed.data;
      }
      const result = await handler({ request, actor, input: input as never, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return apiError(500, "internal", "Something went wrong on the server; the error was logged");
    }
  };
}

type RawInput = { ok: true; value: unknown; where: "body" | "query" } | { ok: false; response: Response };

async function readInput(request: Request): Promise<RawInput> {
  if (request.method === "GET" || request.method === "DELETE" || request.method === "HEAD") {
    return { ok: true, value: Object.fromEntries(new URL(request.url).searchParams), where: "query" };
  }
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: {}, where: "body" };
  try {
    return { ok: true, value: JSON.parse(text), where: "body" };
  } catch (error) {
    const message = error instanceof Error ? error.message : "not JSON";
    return {
      ok: false,
      response: apiError(400, "invalid_json", `The request body is not valid JSON: ${message}`),
    };
  }
}

/** A route param as a UUID, or null (so `/api/integrations/abc` is a 404, not a database error). */
export function uuidParam(value: string | undefined): string | null {
  return value && z.uuid().safeParse(value).success ? value : null;
}
