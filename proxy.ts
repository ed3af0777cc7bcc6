import { type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";

// Pages need a session; API routes check it themselves (they also accept API tokens and answer 401 JSON).
const authProxy = withAuth({ pages: { signIn: "/login" } });

const HSTS = "max-age=31536000; includeSubDomains";

/** HSTS on every page when the app's public address is https (read at run time, unlike next.config's headers). */
function withHsts(response: Response | NextResponse | null | undefined): Response | undefined {
  if (!response || !process.env.APP_URL?.startsWith("https://")) return response ?? undefined;
  response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export async function proxy(request: NextRequest) {
  const isPage = !/^\/(api\/|login|_next\/|favicon\.ico)/.test(request.nextUrl.pathname);
  const response = isPage
    ? ((await authProxy(request as NextRequestWithAuth, {} as never)) ?? undefined)
    : NextResponse.next();
  return withHsts(response ?? NextResponse.next());
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
