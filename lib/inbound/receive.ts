import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  claimInboundMessage,
  findProcessedMessage,
  insertInboundLog,
  updateInboundLog,
} from "@/db/queries/inbound-log";
import type { InboundSource, NewInboundLogRow } from "@/db/schema";
import { type Clock, systemClock } from "@/lib/clock";
import { parseJsonText } from "@/lib/json/parse-json-text";
import { toStorableText } from "@/lib/text";
import { INBOUND_LIMITS, type InboundOutcome } from "./model";
import { loggedBody, readBody } from "./read-body";
import { type InboundReply, inboundEnvelopeSchema } from "./schemas";
import { signingKeys } from "./secrets";
import { storeItems } from "./store-items";
import { inboundMasks, verifyInbound } from "./verify";

/** The answer to one inbound request: a reply (200) or an error with its status. */
export type Received =
  | { ok: true; reply: InboundReply }
  | {
      ok: false;
      status: 400 | 401 | 413;
      code: "bad_request" | "invalid_json" | "unauthorized" | "payload_too_large";
      message: string;
      details?: unknown;
    };

/**
 * Receives one request for a source: reads the body (413 over 5 MB), verifies it (401), reads the envelope (400),
 * answers a processed webhook-id as a replay, and stores the items in one transaction with one savepoint per
 * learner. Every request is logged, refused ones too; an unexpected error is logged and rethrown (a 500).
 */
export async function receiveInbound(
  db: Db,
  source: InboundSource,
  request: Request,
  clock: Clock = systemClock,
): Promise<Received> {
  const now = new Date(clock.now());
  const base = { sourceId: source.id, receivedAt: now };
  const read = await readBody(request);
  if (!read.ok) {
    const body = loggedBody(read.head, inboundMasks(signingKeys(source.secrets, now), request.headers));
    await insertInboundLog(db, {
      ...base,
      outcome: "invalid",
      status: 413,
      verifiedBy: "none",
      reason: read.reason,
      body: body.text,
      bodyTruncated: true,
      bodyBytes: read.bytesRead,
    });
    return { ok: false, status: 413, code: "payload_too_large", message: read.reason };
  }
  const proof = await verifyInbound(db, source, request.headers, read.bytes, now);
  const body = loggedBody(read.bytes, proof.masks);
  const logged = {
    ...base,
    messageId: proof.messageId,
    body: body.text,
    bodyTruncated: body.truncated,
    bodyBytes: read.bytes.byteLength,
  };
  if (!proof.ok) {
    await insertInboundLog(db, {
      ...logged,
      outcome: "refused",
      status: 401,
      verifiedBy: "none",
      reason: proof.reason,
    });
    return { ok: false, status: 401, code: "unauthorized", message: proof.reason };
  }
  const verified = { ...logged, verifiedBy: proof.by, verifiedAs: proof.as };
  const invalid = async (
    code: "bad_request" | "invalid_json",
    message: string,
    details?: unknown,
    kind?: NewInboundLogRow["kind"],
  ) => {
    await insertInboundLog(db, {
      ...verified,
      kind,
      outcome: "invalid",
      status: 400,
      reason: toStorableText(message),
    });
    return { ok: false, status: 400, code, message, details } as const;
  };
  const replay = async (messageId: string): Promise<Received> => {
    const first = await findProcessedMessage(db, source.id, messageId);
    const reason = `webhook-id ${messageId} was processed before${first ? ` (log entry ${first.id})` : ""}; nothing was done again`;
    const logId = await insertInboundLog(db, { ...verified, outcome: "replayed", status: 200, reason });
    return { ok: true, reply: { outcome: "replayed", logId, replayed: true, ok: 0, failed: 0, results: [] } };
  };
  if (proof.messageId && (await findProcessedMessage(db, source.id, proof.messageId)))
    return replay(proof.messageId);

  const json = parseJson(read.bytes);
  if (!json.ok) return invalid("invalid_json", json.message);
  const envelope = inboundEnvelopeSchema.safeParse(json.value);
  if (!envelope.success)
    return invalid("bad_request", `Invalid body: ${summary(envelope.error)}`, problems(envelope.error));
  const kind = envelope.data.type;
  if (!source.kinds.includes(kind)) {
    return invalid(
      "bad_request",
      `This source may not send ${kind}; it may send ${source.kinds.join(" and ")}`,
      undefined,
      kind,
    );
  }
  const items = envelope.data.items ?? [json.value];

  try {
    const done = await db.transaction(async (tx) => {
      const row = { ...verified, kind, outcome: "accepted" as const, status: 200 };
      const logId = proof.messageId ? await claimInboundMessage(tx, row) : await insertInboundLog(tx, row);
      if (logId === null) return null;
      const results = await storeItems(tx, kind, items, source.createMissing);
      const ok = results.filter((r) => r.ok).length;
      const failed = results.length - ok;
      const outcome: InboundOutcome = failed === 0 ? "accepted" : ok === 0 ? "failed" : "partial";
      const itemErrors = results.filter((r) => !r.ok).map(({ index, errors }) => ({ index, errors }));
      await updateInboundLog(tx, logId, { outcome, itemsOk: ok, itemsFailed: failed, itemErrors });
      return { outcome, logId, replayed: false, ok, failed, results } satisfies InboundReply;
    });
    // A twin with the same webhook-id committed first.
    return done ? { ok: true, reply: done } : replay(proof.messageId!);
  } catch (error) {
    const reason = "A server error; nothing was stored. The error was logged; send it again";
    await insertInboundLog(db, { ...verified, kind, outcome: "error", status: 500, reason }).catch(() => {});
    throw error;
  }
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "The body is not valid UTF-8" };
  }
  const json = parseJsonText(text);
  return json.ok ? json : { ok: false, message: `The body is ${json.problem}` };
}

function problems(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
}

function summary(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return "not a batch";
  const where = first.path.join(".") || "body";
  const hint =
    where === "type" ? ` (one of users, completions; at most ${INBOUND_LIMITS.maxItems} items)` : "";
  return `${where}: ${first.message}${hint}`;
}
