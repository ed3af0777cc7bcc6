import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isDemoAccount } from "@/lib/demo/accounts";
import { getSettings } from "@/lib/settings";
import { actorFromApiToken } from "./api-tokens";
import { authOptions } from "./options";
import type { Actor } from "./roles";
import { resolveSession } from "./sessions";

/** Production has no demo: the demo accounts' sessions and tokens are refused there. */
export function isRefusedInProduction(actor: Actor): boolean {
  return getSettings().isProduction && isDemoAccount(actor.email);
}

function allowed(actor: Actor | null): Actor | null {
  return actor && isRefusedInProduction(actor) ? null : actor;
}

/** Who made this request: an API token in `Authorization: Bearer`, else the session cookie; null when neither. */
export async function getActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    return allowed(await actorFromApiToken(getDb(), header.slice(7).trim()));
  }
  return getSessionActor();
}

/**
 * The signed-in user of a request or page render, or null. The cookie only names a session: the user, their
 * current role and whether the session is still open come from the database on every request (once per page
 * render: the layout and the page share the answer).
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const sid = session?.user?.sid;
  if (!sid) return null;
  const user = await resolveSession(getDb(), sid);
  if (!user) return null;
  return allowed({ id: user.id, email: user.email, name: user.name, role: user.role, via: "session" });
});
