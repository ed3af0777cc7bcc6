import { NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";

// Pages need a session; API routes check it themselves (they also accept API tokens and answer 401 JSON), so the
// proxy does not run for them at all.
const authProxy = withAuth({ pages: { signIn: "/login" } });

const HSTS = "max-age=31536000; includeSubDomains";

/** The session check for pages, with HSTS when the app's public address is https (read at run time). */
export async function proxy(request: NextRequestWithAuth) {
  const response = (await authProxy(request, {} as never)) ?? NextResponse.next();
  if (process.env.APP_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!api/|login|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
