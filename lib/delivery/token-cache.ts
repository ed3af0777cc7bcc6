import "server-only";

/** Tokens are refreshed this long before they expire, so one never expires in flight. */
export const REFRESH_MARGIN_MS = 30_000;

export type CachedToken = { value: string; expiresAt: number | null };

type Entry = { key: string; token: CachedToken };

const tokens = new Map<string, Entry>();
const inflight = new Map<string, Promise<unknown>>();

function isFresh(token: CachedToken, now: number): boolean {
  return token.expiresAt === null || now < token.expiresAt - REFRESH_MARGIN_MS;
}

export type TokenLookup<F> =
  | { ok: true; token: CachedToken; fromCache: boolean; fetchMs?: number }
  | ({ ok: false } & F);

/**
 * The integration's token: the cached one while fresh, else one fetch shared by concurrent callers.
 * `key` hashes the settings the token depends on, so edited credentials never reuse an old token.
 */
export async function getToken<F extends object>(options: {
  integrationId: string;
  key: string;
  forceRefresh?: boolean;
  /** The caller's clock, read now: a cached token is fresh until REFRESH_MARGIN_MS before it expires. */
  now: number;
  fetch: () => Promise<{ ok: true; token: CachedToken } | ({ ok: false } & F)>;
}): Promise<TokenLookup<F>> {
  const { integrationId, key } = options;
  const cached = tokens.get(integrationId);
  if (!options.forceRefresh && cached?.key === key && isFresh(cached.token, options.now)) {
    return { ok: true, token: cached.token, fromCache: true };
  }
  const flightKey = `${integrationId}|${key}`;
  let flight = inflight.get(flightKey) as ReturnType<typeof options.fetch> | undefined;
  if (!flight) {
    flight = options.fetch().finally(() => inflight.delete(flightKey));
    inflight.set(flightKey, flight);
  }
  const started = performance.now();
  const result = await flight;
  if (!result.ok) {
    // The old token was refused or its credentials changed; either way it is no longer worth keeping.
    tokens.delete(integrationId);
    return result;
  }
  tokens.set(integrationId, { key, token: result.token });
  return {
    ok: true,
    token: result.token,
    fromCache: false,
    fetchMs: Math.round(performance.now() - started),
  };
}

/** Forgets cached tokens (one integration's, or all). */
export function clearTokenCache(integrationId?: string): void {
  if (integrationId === undefined) tokens.clear();
  else tokens.delete(integrationId);
}
