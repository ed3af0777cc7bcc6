// GET, POST /api/auth/* — next-auth's sign-in, session and sign-out endpoints; sign-in attempts are limited
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { clientAddress, loginRetryAfter } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { getSettings } from "@/lib/settings";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/**
 * A credentials sign-in is refused with 429 and Retry-After while its account or address is over the limit
 * (lib/auth/login-limit.ts). The body keeps next-auth's `{ url }` shape so its client reads the error.
 */
async function limitedSignIn(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  const form = await request.clone().formData();
  const email = String(form.get("email") ?? "");
  const retryAfter = await loginRetryAfter(getDb(), email, clientAddress(request.headers));
  if (retryAfter === null) return handler(request, context);
  const minutes = Math.ceil(retryAfter / 60);
  return Response.json(
    {
      url: `${getSettings().appUrl}/login?error=TooManyAttempts:${minutes}`,
      error: {
        code: "too_many_attempts",
        message: `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      },
    },
    { status: 429, headers: { "retry-after": String(retryAfter) } },
  );
}

export { handler as GET, limitedSignIn as POST };
