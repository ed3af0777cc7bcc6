import "server-only";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { clearLoginFailures, countLoginFailures, insertLoginFailure } from "@/db/queries/sessions";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Seconds until the next sign-in may be tried, when the account has failed 5 times or the address 20 times within
 * 15 minutes; null while attempts are allowed. Kept in PostgreSQL, so every web process counts the same failures.
 */
export async function loginRetryAfter(
  db: DbOrTx,
  email: string,
  ip: string,
  now = new Date(),
): Promise<number | null> {
  const f = await countLoginFailures(db, email.toLowerCase(), ip, new Date(now.getTime() - LOGIN_WINDOW_MS));
  const until = [
    f.byEmail >= MAX_FAILURES_PER_ACCOUNT ? f.oldestByEmail : null,
    f.byIp >= MAX_FAILURES_PER_ADDRESS ? f.oldestByIp : null,
  ].flatMap((oldest) => (oldest ? [oldest.getTime() + LOGIN_WINDOW_MS] : []));
  if (until.length === 0) return null;
  return Math.max(1, Math.ceil((Math.max(...until) - now.getTime()) / 1000));
}

/** Whole minutes until a refused sign-in may be tried again. */
export const minutesToWait = (retryAfterSeconds: number) => Math.ceil(retryAfterSeconds / 60);

/** The error a refused sign-in carries to the login form (next-auth passes a thrown error's message on). */
export function tooManyAttemptsError(retryAfterSeconds: number): string {
  return `TooManyAttempts:${minutesToWait(retryAfterSeconds)}`;
}

/**
 * The limit, then the credentials. Each attempt is counted as a failure before its password is checked, in a short
 * transaction that takes turns per e-mail (an advisory lock): parallel guesses at one account each see the ones
 * before them, so no more than the limit get through, and no connection is held while the password is hashed (a
 * burst of sign-ins would otherwise hold the whole pool). A success clears the account's failures, this one with
 * them. Over the limit, nothing is checked and the seconds to wait are returned.
 */
export async function checkWithinLoginLimit<T>(
  db: Db,
  email: string,
  ip: string,
  check: () => Promise<T | null>,
): Promise<{ retryAfter: number } | { retryAfter: null; user: T | null }> {
  const account = email.toLowerCase();
  const retryAfter = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${account}`}))`);
    const wait = await loginRetryAfter(tx, account, ip);
    if (wait === null) await recordLoginResult(tx, account, ip, false);
    return wait;
  });
  if (retryAfter !== null) return { retryAfter };
  const user = await check();
  if (user !== null) await recordLoginResult(db, account, ip, true);
  return { retryAfter: null, user };
}

/** Counts a failed sign-in, or clears the account's failures after a successful one. */
export async function recordLoginResult(
  db: DbOrTx,
  email: string,
  ip: string,
  isOk: boolean,
  now = new Date(),
): Promise<void> {
  if (isOk) await clearLoginFailures(db, email.toLowerCase(), new Date(now.getTime() - LOGIN_WINDOW_MS));
  else await insertLoginFailure(db, email.toLowerCase(), ip, now);
}

/** The client's address as the nearest proxy (or Next's own server) saw it: the last X-Forwarded-For hop. */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    const v = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(v) ? v.join(",") : (v ?? null);
  };
  const hops = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? get("x-real-ip") ?? "unknown";
}
