import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { actorFromApiToken } from "./api-tokens";
import { authOptions } from "./options";
import type { Actor } from "./roles";

/** Who made this request: an API token in `Authorization: Bearer`, else the session cookie; null when neither. */
export async function getActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    return actorFromApiToken(getDb(), header.slice(7).trim());
  }
  return getSessionActor();
}

/** The signed-in user of a page render, or null. */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.role || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role, via: "session" };
}
