// GET, POST /api/auth/* — next-auth's sign-in, session and sign-out endpoints; sign-in attempts are limited
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { clientAddress, loginRetryAfter, minutesToWait, tooManyAttemptsError } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { getSettings } from "@/lib/settings";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/**
 * A credentials sign-in is refused with 429 and Retry-After while its account or address is over the limit
 * (lib/auth/login-limit.ts). The body keeps next-auth's `{ url }` shape so its client reads the error. (The limit
 * also holds inside next-auth's authorize, atomically; this answers a refused sign-in before a password is hashed.)
 */
async function limitedSignIn(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth reads the first two segments only: /callback/credentials/anything is the same sign-in.
  if (nextauth[0] !== "callback" || nextauth[1] !== "credentials") return handler(request, context);
  const email = await signInEmail(request);
  const retryAfter = await loginRetryAfter(getDb(), email, clientAddress(request.headers));
  if (retryAfter === null) return handler(request, context);
  const minutes = minutesToWait(retryAfter);
  return Response.json(
    {
      url: `${getSettings().appUrl}/login?error=${tooManyAttemptsError(retryAfter)}`,
      error: {
        code: "too_many_attempts",
        message: `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      },
    },
    { status: 429, headers: { "retry-after": String(retryAfter) } },
  );
}

/** The e-mail of a sign-in, read as next-auth reads the body (JSON when the type says so anywhere, else a form). */
async function signInEmail(request: Request): Promise<string> {
  try {
    const copy = request.clone();
    const isJson = (request.headers.get("content-type") ?? "").includes("application/json");
    const email = isJson
      ? ((await copy.json()) as { email?: unknown })?.email
      : (await copy.formData()).get("email");
    return typeof email === "string" ? email : "";
  } catch {
    return ""; // next-auth refuses what it cannot read
  }
}

export { handler as GET, limitedSignIn as POST };
