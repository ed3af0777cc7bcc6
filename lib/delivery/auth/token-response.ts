/** A token and when it expires (epoch ms), or null when the answer gives no expiry. */
export type ReadToken = { value: string; expiresAt: number | null };

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function seconds(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The `exp` claim of a JWT, in epoch ms; undefined for tokens that are not JWTs. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return undefined;
  try {
    const claims = asRecord(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    const exp = seconds(claims?.exp);
    return exp === undefined ? undefined : exp * 1000;
  } catch {
    return undefined;
  }
}

/**
 * Reads a login answer: `access_token` as a string or as `{ token, expires_in_seconds }`, a top-level
 * `expires_in`, else the JWT's own `exp`.
 */
export function readLoginToken(json: unknown, now: number = Date.now()): ReadToken | undefined {
  const body = asRecord(json);
  if (!body) return undefined;
  const raw = body.access_token ?? body.token;
  const nested = asRecord(raw);
  const value = typeof raw === "string" ? raw : (nested?.token ?? nested?.access_token);
  if (typeof value !== "string" || value === "") return undefined;
  const expiresIn =
    seconds(nested?.expires_in_seconds) ??
    seconds(nested?.expires_in) ??
    seconds(body.expires_in_seconds) ??
    seconds(body.expires_in);
  const expiresAt = expiresIn !== undefined ? now + expiresIn * 1000 : (jwtExpiry(value) ?? null);
  return { value, expiresAt };
}

/** Reads an OAuth2 token answer (RFC 6749 5.1). */
export function readOAuthToken(json: unknown, now: number = Date.now()): ReadToken | undefined {
  const body = asRecord(json);
  const value = body?.access_token;
  if (typeof value !== "string" || value === "") return undefined;
  const expiresIn = seconds(body?.expires_in);
  return { value, expiresAt: expiresIn !== undefined ? now + expiresIn * 1000 : (jwtExpiry(value) ?? null) };
}

/** The OAuth2 error name and description from an error answer (RFC 6749 5.2). */
export function readOAuthError(json: unknown): { error: string; description?: string } | undefined {
  const body = asRecord(json);
  if (typeof body?.error !== "string") return undefined;
  return {
    error: body.error,
    ...(typeof body.error_description === "string" && { description: body.error_description }),
  };
}
