import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { makeKeyring } from "@/lib/crypto";
import { newSigningSecret, rotatedSecrets, signingKeys } from "./secrets";
import { signMessage, verifySignature } from "./verify-signature";

const keyring = makeKeyring(randomBytes(32).toString("base64"), "");
const secret = newSigningSecret();
const body = '{"type":"users","items":[{"userName":"anne"}]}';
const bytes = new TextEncoder().encode(body);
const now = new Date("2026-04-20T09:00:00Z");

function headers(id: string, at: Date, signature: string): Headers {
  return new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  });
}
const signed = (at = now, s = secret, id = "msg_1") => headers(id, at, new Webhook(s).sign(id, at, body));

describe("verifySignature (Standard Webhooks)", () => {
  it("makes secrets the reference library takes, and signs as it does", () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signMessage(secret, "msg_1", 1_776_675_600, bytes)).toBe(
      new Webhook(secret).sign("msg_1", new Date(1_776_675_600_000), body),
    );
  });

  it("accepts a body signed by the reference library, and names the secret that signed it", () => {
    const keys = [{ secret, label: "current secret" }];
    expect(verifySignature(signed(), bytes, keys, now)).toEqual({
      ok: true,
      messageId: "msg_1",
      label: "current secret",
    });
  });

  it("accepts one matching signature among several (a sender mid-rotation signs with both)", () => {
    const other = newSigningSecret();
    const both = `${new Webhook(other).sign("msg_1", now, body)} ${new Webhook(secret).sign("msg_1", now, body)}`;
    const check = verifySignature(
      headers("msg_1", now, both),
      bytes,
      [{ secret, label: "current secret" }],
      now,
    );
    expect(check.ok).toBe(true);
  });

  it("refuses a changed body, a changed id and another secret", () => {
    const keys = [{ secret, label: "current secret" }];
    const tampered = new TextEncoder().encode(body.replace("anne", "anna"));
    expect(verifySignature(signed(), tampered, keys, now)).toMatchObject({
      ok: false,
      reason: /No signature matches/,
    });
    const h = signed();
    h.set("webhook-id", "msg_2");
    expect(verifySignature(h, bytes, keys, now).ok).toBe(false);
    expect(verifySignature(signed(now, newSigningSecret()), bytes, keys, now).ok).toBe(false);
  });

  it("refuses a timestamp 6 minutes old or 6 minutes ahead, and accepts one 4 minutes old", () => {
    const keys = [{ secret, label: "current secret" }];
    const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
    expect(verifySignature(signed(minutes(-6)), bytes, keys, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("360 s old"),
    });
    expect(verifySignature(signed(minutes(6)), bytes, keys, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("in the future"),
    });
    expect(verifySignature(signed(minutes(-4)), bytes, keys, now).ok).toBe(true);
  });

  it("says which header is missing, and refuses a signature list without v1", () => {
    const h = signed();
    h.delete("webhook-timestamp");
    expect(verifySignature(h, bytes, [{ secret, label: "x" }], now)).toMatchObject({
      ok: false,
      reason: "Missing Standard Webhooks header webhook-timestamp",
    });
    const v2 = headers("msg_1", now, "v1a,abc");
    expect(verifySignature(v2, bytes, [{ secret, label: "x" }], now)).toMatchObject({
      reason: expect.stringContaining("no v1 signature"),
    });
  });
});

describe("rotating signing secrets", () => {
  it("keeps the previous secret for the overlap, then only the new one", () => {
    const first = rotatedSecrets([], secret, now, 0, keyring);
    const next = newSigningSecret();
    const rotated = rotatedSecrets(first, next, now, 2, keyring);
    expect(rotated.map((s) => s.validUntil)).toEqual([null, "2026-04-20T11:00:00.000Z"]);
    expect(JSON.stringify(rotated)).not.toContain(secret.slice(6));
    const during = signingKeys(rotated, new Date("2026-04-20T10:59:00Z"), keyring);
    expect(during).toEqual([
      { secret: next, label: "current secret" },
      { secret, label: "previous secret" },
    ]);
    expect(signingKeys(rotated, new Date("2026-04-20T11:00:01Z"), keyring)).toEqual([
      { secret: next, label: "current secret" },
    ]);
  });

  it("never lengthens an earlier overlap, and drops secrets already past theirs", () => {
    const a = rotatedSecrets([], newSigningSecret(), now, 0, keyring);
    const b = rotatedSecrets(a, newSigningSecret(), now, 1, keyring);
    const later = new Date(now.getTime() + 30 * 60_000);
    const c = rotatedSecrets(b, newSigningSecret(), later, 24, keyring);
    expect(c.map((s) => s.validUntil)).toEqual([
      null,
      "2026-04-21T09:30:00.000Z",
      "2026-04-20T10:00:00.000Z",
    ]);
    const d = rotatedSecrets(c, newSigningSecret(), new Date("2026-04-20T12:00:00Z"), 0, keyring);
    expect(d).toHaveLength(1);
  });
});
