import type { NextRequest } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";

// Pages need a session; API routes check it themselves (they also accept API tokens and answer 401 JSON).
const authProxy = withAuth({ pages: { signIn: "/login" } });

export function proxy(request: NextRequest) {
  return authProxy(request as NextRequestWithAuth, {} as never);
}

export const config = {
  matcher: ["/((?!api/|login|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
