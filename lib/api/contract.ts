// What a route declares beside its handler; the wrapper enforces it and the OpenAPI document is built from it.

import type { z } from "zod";
import type { Role } from "@/lib/auth/model";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Who may call a route: a role (session cookie or API token), or anyone. */
export type Access = Role | "public";

/** Statuses a route declares; 401 and 403 follow from its role, 400 from its input, and any route may 500. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 503;

/** When an error happens; `details` is what the error's `details` carries, `body` replaces the error shape. */
export type ErrorSpec = string | { description: string; details?: z.ZodType; body?: z.ZodType };

type InputOf<I> = I extends z.ZodType ? z.input<I> : never;

export type RouteContract<
  I extends z.ZodType | undefined = z.ZodType | undefined,
  O extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  /** The OpenAPI path, parameters in braces: `/api/integrations/{id}`. */
  path: `/api/${string}`;
  role: Access;
  /** A key header checked instead of a session (the demo receiver); `check` answers the refusal or null. */
  apiKey?: { header: string; check: (request: Request) => Response | null };
  /** A public route whose handler checks its own proof (a webhook signature, a scoped token): what it accepts, for
   * the document, with a security scheme for each. */
  proof?: { description: string; schemes: Record<string, Record<string, unknown>> };
  /** The handler reads the body itself (a signature covers its exact bytes): `input` documents it, unparsed. */
  rawBody?: boolean;
  summary: string;
  description?: string;
  /** The path parameters, described; the handler still checks them (an unknown id is its 404). */
  params?: z.ZodObject;
  /** The JSON body (POST, PUT, PATCH) or the query string (GET, DELETE: a z.object), parsed before the handler. */
  input?: I;
  /** The reply body: the handler's return value is parsed through it, so nothing else leaves the server. */
  output: O;
  /** The success status; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** For a file download: its media types and what each holds. The handler returns the streamed Response and
   * `output` describes one record of it. */
  download?: Record<string, string>;
  /** A long request that can report progress: with `Accept: application/x-ndjson` the reply is a stream of
   * `event` objects, one per line, as the work goes (progressStream); without it, the one `output` at the end. */
  progress?: { event: z.ZodType; description: string };
  errors?: Partial<Record<ErrorStatus, ErrorSpec>>;
  /** One request and/or reply that validate against `input` and `output`; the API page and document show it. */
  example: { input?: InputOf<I>; output?: z.output<O> };
};

/** The handler function Next calls, with the contract it was declared with. */
export type ContractedHandler = ((
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>) & { contract: RouteContract };
