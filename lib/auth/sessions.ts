import "server-only";
import type { DbOrTx } from "@/db/client";
import { endSessions, findOpenSession, insertSession, touchSession } from "@/db/queries/sessions";
import type { AppUser } from "@/db/schema";
import { getSettings } from "@/lib/settings";

// A session's last use is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 60_000;

export type SessionEnd =
  | "signed_out"
  | "user_disabled"
  | "user_deleted"
  | "role_changed"
  | "idle"
  | "expired";

/** Opens a session row for a user who just signed in; its id goes into the cookie. */
export function startSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  return insertSession(db, userId, now);
}

/**
 * The user behind a session cookie's id while the session is open: not signed out or ended by an account change,
 * used within SESSION_IDLE_MINUTES and younger than SESSION_MAX_HOURS. A session past either limit is ended here.
 */
export async function resolveSession(
  db: DbOrTx,
  sessionId: string,
  now = new Date(),
): Promise<AppUser | null> {
  const row = await findOpenSession(db, sessionId);
  if (!row) return null;
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = getSettings();
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  const ageMs = now.getTime() - row.session.createdAt.getTime();
  const ended: SessionEnd | null =
    idleMs > SESSION_IDLE_MINUTES * 60_000
      ? "idle"
      : ageMs > SESSION_MAX_HOURS * 3_600_000
        ? "expired"
        : null;
  if (ended) {
    await endSessions(db, { id: sessionId }, ended, now);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db, sessionId, now);
  return row.user;
}

export async function endSession(db: DbOrTx, sessionId: string, reason: SessionEnd, now = new Date()) {
  await endSessions(db, { id: sessionId }, reason, now);
}

/** Ends every open session of a user (account disabled, deleted or its role changed). */
export function endUserSessions(db: DbOrTx, userId: string, reason: SessionEnd, now = new Date()) {
  return endSessions(db, { userId }, reason, now);
}
