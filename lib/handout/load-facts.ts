import "server-only";
import type { DbOrTx } from "@/db/client";
import { loadCompletionRecords } from "@/db/queries/completion-records";
import { latestCompletionId, recentFailures } from "@/db/queries/handout";
import type { Integration } from "@/db/schema";
import { probeConnect, probeDns } from "@/lib/delivery/probes";
import { scrubDeep, secretValues } from "@/lib/delivery/redact";
import { pickAuthSettings, usesClientCert } from "@/lib/integrations/auth-types";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { signingStatus } from "@/lib/integrations/signing";
import { buildPayload } from "@/lib/mapping";
import { getSettings } from "@/lib/settings";
import type { HandoutError, HandoutFacts } from "./model";
import { anonymised, payloadKeys, SAMPLE_COMPLETION } from "./payload-keys";

const SECRET_HEADER_PREFIX = "header:";
const FAILURES_READ = 500;
const ERROR_KINDS_SHOWN = 8;
const PROBE_TIMEOUT_MS = 5_000;

/** The last failures grouped by kind (diagnosis, else error code, and status), newest kind first. */
function groupFailures(rows: Awaited<ReturnType<typeof recentFailures>>): HandoutError[] {
  const kinds = new Map<string, HandoutError>();
  for (const r of rows) {
    const key = `${r.diagnosis ?? r.errorCode ?? ""}|${r.status ?? ""}`;
    const known = kinds.get(key);
    if (known) {
      known.count += 1;
      continue;
    }
    if (kinds.size === ERROR_KINDS_SHOWN) continue;
    const what =
      r.diagnosisCause ?? r.errorMessage ?? (r.status === null ? "No answer." : `HTTP ${r.status}`);
    kinds.set(key, { lastAt: r.createdAt.toISOString(), count: 1, status: r.status, what });
  }
  return [...kinds.values()];
}

/** How long an address seen is shown without connecting again (a page view must not wait on the receiver). */
const OBSERVED_FOR_MS = 5 * 60_000;
const observedByEndpoint = new Map<string, { at: number; localAddress: string }>();

/**
 * This server's end of a TCP connection to the endpoint, as the test tools' connect stage opens it. An address
 * seen in the last five minutes is reused; a failure is not, so the next view tries again.
 */
async function observedAddress(
  endpointUrl: string,
  timeoutMs: number,
): Promise<HandoutFacts["outbound"]["observed"]> {
  const seen = observedByEndpoint.get(endpointUrl);
  if (seen && Date.now() - seen.at < OBSERVED_FOR_MS) return { localAddress: seen.localAddress };
  const observed = await connectAndSee(endpointUrl, timeoutMs);
  if (observed && "localAddress" in observed) {
    if (observedByEndpoint.size > 1_000) observedByEndpoint.clear();
    observedByEndpoint.set(endpointUrl, { at: Date.now(), localAddress: observed.localAddress });
  }
  return observed;
}

async function connectAndSee(
  endpointUrl: string,
  timeoutMs: number,
): Promise<HandoutFacts["outbound"]["observed"]> {
  const url = new URL(endpointUrl);
  const dns = await probeDns(url.hostname.replace(/^\[|\]$/g, ""));
  if (!dns.address) return { problem: dns.failure?.message ?? "the host name has no address." };
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const tcp = await probeConnect(dns.address, port, Math.min(timeoutMs, PROBE_TIMEOUT_MS));
  return tcp.localAddress
    ? { localAddress: tcp.localAddress }
    : { problem: tcp.failure?.message ?? "no connection." };
}

async function examplePayload(db: DbOrTx, row: Integration): Promise<HandoutFacts["example"]> {
  const id = await latestCompletionId(db);
  const record = id === null ? undefined : (await loadCompletionRecords(db, [id])).get(id);
  const built = buildPayload(row.mapping, record ? anonymised(record) : SAMPLE_COMPLETION);
  if (!built.ok) {
    return {
      problem: `the mapping cannot build a payload yet (${built.errors.map((e) => e.message).join("; ")}).`,
    };
  }
  return { payload: built.payload, fromCompletion: record !== undefined };
}

/**
 * What the IT handout says about one integration, from its live settings, its latest completion and its log.
 * Secrets are never read into it except to mask them in the log texts it quotes. `probe` opens one TCP connection
 * to the endpoint to see this server's own address when OUTBOUND_IPS is unset.
 */
export async function loadHandoutFacts(
  db: DbOrTx,
  row: Integration,
  opts: { now?: Date; probe?: boolean } = {},
): Promise<HandoutFacts> {
  const now = opts.now ?? new Date();
  const ips = getSettings().outboundIps;
  const [example, failures, observed] = await Promise.all([
    examplePayload(db, row),
    recentFailures(db, row.id, FAILURES_READ),
    ips.length === 0 && opts.probe !== false ? observedAddress(row.endpointUrl, row.timeoutMs) : null,
  ]);
  const connection = connectionFromIntegration(row);
  const secrets = connection.ok ? secretValues(connection.settings) : [];
  const keys = payloadKeys(row.mapping);
  const facts: HandoutFacts = {
    name: row.name,
    generatedAt: now.toISOString(),
    endpointUrl: row.endpointUrl,
    testUrl: row.testUrl,
    authType: row.authType,
    authConfig: pickAuthSettings(row.authType, row.authConfig),
    usesClientCert: usesClientCert(row.authType, row.authConfig),
    clientCert:
      usesClientCert(row.authType, row.authConfig) && row.clientCertInfo
        ? {
            subject: row.clientCertInfo.subject,
            issuer: row.clientCertInfo.issuer,
            validTo: row.clientCertInfo.validTo,
          }
        : null,
    secretHeaderNames: Object.keys(row.secrets)
      .filter((k) => k.startsWith(SECRET_HEADER_PREFIX))
      .map((k) => k.slice(SECRET_HEADER_PREFIX.length)),
    customHeaders: row.customHeaders,
    successCodes: row.successCodes,
    timeoutMs: row.timeoutMs,
    retrySchedule: row.retrySchedule,
    failureThreshold: row.failureThreshold,
    resendOnUpdate: row.resendOnUpdate,
    signing: signingStatus(row, now).enabled,
    outbound: { ips, observed },
    requiredKeys: keys.required,
    optionalKeys: keys.optional,
    jsonSchema: row.receiverSchema ?? null,
    validatesBeforeSending: row.validateBeforeSending && row.receiverSchema !== null,
    example,
    lastErrors: groupFailures(failures),
  };
  // Everything that came from outside or from the LMS is masked against the integration's current secrets.
  return scrubDeep(facts, secrets);
}
