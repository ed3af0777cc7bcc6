const CONNECTION_ERRORS = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** Whether an error means the database went away (restart, failover) rather than that the query was wrong. */
export function isConnectionError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERRORS.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a database step again while the database is unreachable (up to `maxWaitMs`), so a PostgreSQL restart in the
 * middle of a run costs a pause, not the run. Any other error is thrown at once.
 */
export async function withDbRetry<T>(
  step: () => Promise<T>,
  opts: { maxWaitMs?: number; onRetry?: (error: unknown, waitMs: number) => void } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.maxWaitMs ?? 120_000);
  let wait = 200;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + wait > deadline) throw error;
      opts.onRetry?.(error, wait);
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5_000);
    }
  }
}
