import "server-only";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { type Actor, hasRole } from "@/lib/auth/roles";
import { parseJsonText } from "@/lib/json/parse-json-text";
import type { Access, ContractedHandler, RouteContract } from "./contract";
import { apiError, validationError } from "./errors";
import { INTERNAL_ERROR_MESSAGE, logInternalError } from "./internal-error";
import { isProgressStream } from "./progress-stream";
import { crossSiteRefusal, unstorableTextRefusal } from "./request-guards";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type HandlerArgs<I extends z.ZodType | undefined, R extends Access> = {
  request: Request;
  /** Who is calling; null on a public route. */
  actor: R extends "public" ? null : Actor;
  input: I extends z.ZodType ? z.output<I> : undefined;
  params: Record<string, string>;
};

/** The reply, parsed through the contract's `output` on the way out; or a Response for an error or a download. */
export type HandlerResult<O extends z.ZodType> = z.input<O> | Response;

/**
 * A route handler with its contract (rule 14b): checks the session or API token (401), the role (403) and, for a
 * cookie session's write, that it is JSON from the app's own origin (403, request-guards.ts); refuses text no
 * database can hold (400 on the field), parses
 * the JSON body (or, for GET and DELETE, the query string) with `input` (400 with every issue), parses the
 * handler's reply with `output` and sends it with `status`. A reply that does not match `output`, and any
 * unexpected exception, is a logged 500 that reveals nothing internal. The contract rides on the returned
 * function as `.contract`, where the OpenAPI document reads it.
 */
export function route<O extends z.ZodType, R extends Access, I extends z.ZodType | undefined = undefined>(
  contract: RouteContract<I, O> & { role: R },
  // NoInfer: the contract alone decides the types, so a handler's literal replies are checked against `output`.
  handler: NoInfer<(args: HandlerArgs<I, R>) => Promise<HandlerResult<O>>>,
): ContractedHandler {
  const run = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const refused = contract.apiKey?.check(request);
      if (refused) return refused;
      let actor: Actor | null = null;
      if (contract.role !== "public") {
        actor = await getActor(request);
        if (!actor) return apiError(401, "unauthorized", "Sign in or send Authorization: Bearer <API token>");
        if (!hasRole(actor.role, contract.role)) {
          return apiError(403, "forbidden", `This needs the ${contract.role} role; you are ${actor.role}`);
        }
        const crossSite = crossSiteRefusal(request, actor);
        if (crossSite) return crossSite;
      }
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join("/") : v,
        ]),
      );
      const badParam = unstorableTextRefusal(params, "path");
      if (badParam) return badParam;
      let input: unknown;
      if (contract.input && !contract.rawBody) {
        const raw = await readInput(request);
        if (!raw.ok) return raw.response;
        const unstorable = unstorableTextRefusal(raw.value, raw.where);
        if (unstorable) return unstorable;
        const parsed = contract.input.safeParse(raw.value);
        if (!parsed.success) return validationError(parsed.error, raw.where);
        input = parsed.data;
      }
      const result = await handler({ request, actor, input, params } as HandlerArgs<I, R>);
      return reply(contract, result, request);
    } catch (error) {
      return internalError(request, error);
    }
  };
  return Object.assign(run, { contract: contract as RouteContract });
}

function reply(contract: RouteContract, result: unknown, request: Request): Response {
  if (result instanceof Response) {
    if (result.status >= 400 || contract.download || (contract.progress && isProgressStream(result)))
      return result;
    return internalError(request, `a ${result.status} reply bypassed the output schema`);
  }
  const parsed = contract.output.safeParse(result);
  if (!parsed.success) {
    return internalError(
      request,
      `the reply does not match the output schema: ${z.prettifyError(parsed.error)}`,
    );
  }
  if (contract.status === 204) return new Response(null, { status: 204 });
  return Response.json(parsed.data, { status: contract.status ?? 200 });
}

function internalError(request: Request, error: unknown): Response {
  logInternalError(request, error);
  return apiError(500, "internal", INTERNAL_ERROR_MESSAGE);
}

type RawInput = { ok: true; value: unknown; where: "body" | "query" } | { ok: false; response: Response };

async function readInput(request: Request): Promise<RawInput> {
  if (request.method === "GET" || request.method === "DELETE" || request.method === "HEAD") {
    return { ok: true, value: Object.fromEntries(new URL(request.url).searchParams), where: "query" };
  }
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: {}, where: "body" };
  const json = parseJsonText(text);
  if (json.ok) return { ok: true, value: json.value, where: "body" };
  return { ok: false, response: apiError(400, "invalid_json", `The request body is ${json.problem}`) };
}

/** A route param as a UUID, or null (so `/api/integrations/abc` is a 404, not a database error). */
export function uuidParam(value: string | undefined): string | null {
  return value && z.uuid().safeParse(value).success ? value : null;
}
