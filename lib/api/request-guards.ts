import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings";
import { findUnstorableText } from "@/lib/text";
import { apiError } from "./errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origins the app is served from (APP_URL, and NEXTAUTH_URL when it differs). */
function appOrigins(): string[] {
  const urls = [getSettings().appUrl, process.env.NEXTAUTH_URL].filter((u): u is string => Boolean(u));
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/**
 * Refuses a cross-site write: a state-changing request made with a session cookie must be JSON (an HTML form or a
 * `text/plain` fetch cannot send that cross-site without a CORS preflight, which the app never grants) and come
 * from the app's own origin. Requests with an API token carry no ambient credential and are not checked.
 */
export function crossSiteRefusal(request: Request, actor: Actor): Response | null {
  if (actor.via !== "session" || !STATE_CHANGING.has(request.method)) return null;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return apiError(
      403,
      "forbidden",
      `Changes must be sent as Content-Type: application/json (got ${type ?? "none"}); scripts use an API token`,
    );
  }
  const origin = request.headers.get("origin");
  const allowed = appOrigins();
  if (!origin || !allowed.includes(origin)) {
    return apiError(
      403,
      "forbidden",
      `Changes with a session cookie must come from ${allowed.join(" or ")} (Origin: ${origin ?? "none"})`,
    );
  }
  return null;
}

/** A 400 naming the first field whose text holds a NUL byte or a broken character, which nothing could store. */
export function unstorableTextRefusal(value: unknown, where: "body" | "query" | "path"): Response | null {
  const path = findUnstorableText(value);
  if (!path) return null;
  const at = path.join(".") || where;
  return apiError(400, "bad_request", `Invalid ${where}: ${at} contains a NUL byte or a broken character`, [
    {
      path: path.join("."),
      message: "Contains a NUL byte or a broken character (lone surrogate)",
      code: "custom",
    },
  ]);
}
