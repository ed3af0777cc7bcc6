import "server-only";
import { createHash } from "node:crypto";
import { Agent } from "undici";
import { guardedLookup } from "./address-policy";
import { buildTlsOptions, presentsClientCert, type TlsMaterial } from "./tls-options";
import type { ConnectionSettings, Failure } from "./types";

export const DEFAULT_TIMEOUT_MS = 30_000;

type Entry = { key: string; agent: Agent; tls: TlsMaterial & { ok: true } };

export type Connection = { ok: true; agent: Agent; tls: Entry["tls"] } | { ok: false; failure: Failure };

const pools = new Map<string, Entry>();

/**
 * Everything the pool is built from. The version alone would do for saved settings, but Test connection
 * may run with edited, unsaved settings under the same version, so the TLS inputs are hashed in too.
 */
function poolKey(settings: ConnectionSettings): string {
  let key = poolKeys.get(settings);
  if (key === undefined) {
    key = computePoolKey(settings);
    poolKeys.set(settings, key);
  }
  return key;
}

// Hashing the CA bundle for every attempt of a sync costs more than the lookup it serves; settings objects are
// not changed once built, so the key is computed once per object.
const poolKeys = new WeakMap<ConnectionSettings, string>();

function computePoolKey(settings: ConnectionSettings): string {
  const { secrets } = settings;
  const material = presentsClientCert(settings)
    ? [secrets.clientCertPfx, secrets.clientCertPassphrase, secrets.clientCertPem, secrets.clientKeyPem]
    : [];
  const hash = createHash("sha256")
    .update(JSON.stringify([settings.caBundlePem ?? null, settings.timeoutMs ?? null, ...material]))
    .digest("base64url");
  return `${settings.version}|${hash}`;
}

/** The integration's keep-alive connection pool, rebuilt when its settings change. */
export function getConnection(settings: ConnectionSettings): Connection {
  const key = poolKey(settings);
  const existing = pools.get(settings.integrationId);
  if (existing?.key === key) return { ok: true, agent: existing.agent, tls: existing.tls };
  const tls = buildTlsOptions(settings);
  if (!tls.ok) return tls;
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agent = new Agent({
    connect: { ...tls.options, lookup: guardedLookup, timeout },
    headersTimeout: timeout,
    bodyTimeout: timeout,
    // A sync sends up to the integration's concurrency (at most 32) at once, each on its own keep-alive socket; a
    // few more cover Test with user running alongside. Sockets open only as needed.
    connections: 36,
    keepAliveTimeout: 30_000,
  });
  pools.set(settings.integrationId, { key, agent, tls });
  // Requests already running on the old pool finish; close() only stops new ones.
  if (existing) existing.agent.close().catch(() => undefined);
  return { ok: true, agent, tls };
}

/** Closes every pool (shutdown, tests). */
export async function closeAllPools(): Promise<void> {
  const agents = [...pools.values()].map((e) => e.agent);
  pools.clear();
  await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
}
