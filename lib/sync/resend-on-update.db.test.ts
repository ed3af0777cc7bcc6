import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completions, deliveries, syncLog } from "@/db/schema";
import type { RecordedRequest } from "@/lib/delivery/test-support/servers";
import { runSync } from "./run-sync";
import { addTestIntegration } from "./test-support/fixture";
import { inboundSyncBed } from "./test-support/inbound-bed";

// Resend on update: a completion already sent that changes is sent again, its revision in the Idempotency-Key.

const bed = inboundSyncBed(20);

const completion = (userName: string, date: string, bestScore: number, bestCombined = 100) => ({
  userName,
  activityName: "GDPR introduction",
  completionDate: date,
  bestCombined,
  bestScore,
});
const sendIn = (...items: unknown[]) => bed.sendCompletions(items);
const storedOn = async (date: string) =>
  (
    await bed.f.t.db
      .select()
      .from(completions)
      .where(eq(completions.completionDate, new Date(date)))
  )[0]!;
const deliveryOf = async (integrationId: string, completionId: number) =>
  (
    await bed.f.t.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.integrationId, integrationId), eq(deliveries.completionId, completionId)))
  )[0]!;

/** Runs the integration once and returns what its receiver got (told apart by the integration's own header). */
async function sync(integrationId: string, name: string): Promise<RecordedRequest[]> {
  const before = bed.receiver.requests.length;
  await runSync(bed.f.t.db, integrationId, "manual");
  return bed.receiver.requests.slice(before).filter((r) => r.headers["x-integration"] === name);
}
const keys = (requests: RecordedRequest[]) => requests.map((r) => String(r.headers["idempotency-key"]));

describe("resend on update", () => {
  it("sends a sent completion again when its score improves, with a new key carrying the revision; nothing else", async () => {
    const on = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      resendOnUpdate: true,
      customHeaders: { "X-Integration": "on" },
    });
    const off = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      customHeaders: { "X-Integration": "off" },
    });
    const anne = "2026-05-01T10:00:00Z";
    const other = "2026-05-01T11:00:00Z";
    expect(await sendIn(completion("anne", anne, 70), completion("anne", other, 80))).toEqual([
      "created",
      "created",
    ]);
    const first = await sync(on.integrationId, "on");
    expect(first).toHaveLength(2);
    expect(await sync(off.integrationId, "off")).toHaveLength(2);
    // Revision 1 is sent under the delivery's own key, exactly as before revisions were sent.
    const stored = await storedOn(anne);
    const delivery = await deliveryOf(on.integrationId, stored.id);
    expect(keys(first)).toContain(delivery.idempotencyKey);

    // The same data again: no new revision, nothing sent.
    expect(await sendIn(completion("anne", anne, 70))).toEqual(["unchanged"]);
    expect(await storedOn(anne)).toEqual(stored);
    expect(await sync(on.integrationId, "on")).toEqual([]);

    // A better score: revision 2, sent again by the integration that resends, under a new key naming the revision.
    expect(await sendIn(completion("anne", anne, 95))).toEqual(["updated"]);
    expect((await storedOn(anne)).revision).toBe(2);
    const resent = await sync(on.integrationId, "on");
    expect(keys(resent)).toEqual([`${delivery.idempotencyKey}.r2`]);
    expect(JSON.parse(resent[0]!.body)).toMatchObject({ score: 95, status: "passed" });
    expect(await deliveryOf(on.integrationId, stored.id)).toMatchObject({
      state: "succeeded",
      revision: 2,
      idempotencyKey: delivery.idempotencyKey,
    });
    // The log shows the key the receiver saw.
    const [logged] = await bed.f.t.db
      .select({ headers: syncLog.requestHeaders })
      .from(syncLog)
      .where(eq(syncLog.integrationId, on.integrationId))
      .orderBy(sql`${syncLog.id} desc`)
      .limit(1);
    expect(logged!.headers["Idempotency-Key"]).toBe(`${delivery.idempotencyKey}.r2`);
    // Off (the default): the change waits, unsent.
    expect(await sync(off.integrationId, "off")).toEqual([]);

    // The LMS itself changing the row counts too: a new status is revision 3.
    await bed.f.t.db.update(completions).set({ bestCombined: 0 }).where(eq(completions.id, stored.id));
    const again = await sync(on.integrationId, "on");
    expect(keys(again)).toEqual([`${delivery.idempotencyKey}.r3`]);
    expect(JSON.parse(again[0]!.body)).toMatchObject({ status: "failed" });
    expect(await sync(on.integrationId, "on")).toEqual([]);
  });

  it("sends a completion that changed before it was ever sent once, under its current revision", async () => {
    const on = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      resendOnUpdate: true,
      customHeaders: { "X-Integration": "early" },
    });
    const date = "2026-05-02T10:00:00Z";
    await sendIn(completion("anne", date, 50));
    await sendIn(completion("anne", date, 60));
    const sent = await sync(on.integrationId, "early");
    const delivery = await deliveryOf(on.integrationId, (await storedOn(date)).id);
    expect(keys(sent)).toEqual([`${delivery.idempotencyKey}.r2`]);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ score: 60 });
    expect(await sync(on.integrationId, "early")).toEqual([]);
  });
});
