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

/** The error a refused sign-in carries to the login form (next-auth passes a thrown error's message on). */
export function tooManyAttemptsError(retryAfterSeconds: number): string {
  return `TooManyAttempts:${Math.ceil(retryAfterSeconds / 60)}`;
}

/**
 * The limit and the credentials checked as one step per account: sign-ins at one e-mail take turns (an advisory
 * lock held by the transaction), so parallel guesses cannot all pass the limit before the first failure is counted.
 * Over the limit, nothing is checked and the seconds to wait are returned.
 */
export async function checkWithinLoginLimit<T>(
  db: Db,
  email: string,
  ip: string,
  check: () => Promise<T | null>,
): Promise<{ retryAfter: number } | { retryAfter: null; user: T | null }> {
  const account = email.toLowerCase();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${account}`}))`);
    const retryAfter = await loginRetryAfter(tx, account, ip);
    if (retryAfter !== null) return { retryAfter };
    const user = await check();
    await recordLoginResult(tx, account, ip, user !== null);
    return { retryAfter: null, user };
  });
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
