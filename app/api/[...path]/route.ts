// Every method on /api/* that no route answers — a JSON 404 in the API's error shape, not Next's HTML page
import { apiError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// Not a route() with a contract: it is no part of the API, so the OpenAPI document leaves it out. More specific
// routes (every other file under app/api, next-auth's /api/auth/* too) win over a catch-all in Next.
async function noSuchRoute(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  return apiError(404, "not_found", `No API route answers ${request.method} ${pathname}`);
}

export {
  noSuchRoute as DELETE,
  noSuchRoute as GET,
  noSuchRoute as HEAD,
  noSuchRoute as OPTIONS,
  noSuchRoute as PATCH,
  noSuchRoute as POST,
  noSuchRoute as PUT,
};
