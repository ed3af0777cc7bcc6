import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { addTestIntegration } from "@/lib/sync/test-support/fixture";
import { deliveries, integrations } from "../schema";
import { compactDeliveryCounts, countDeliveries, countDeliveriesByState } from "./delivery-counts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  await truncateAll(t);
});

/** What counting the deliveries themselves says, per integration and state. */
async function counted() {
  const rows = await t.db.execute<{ integration_id: string; state: string; n: number }>(sql`
    select integration_id, state, count(*)::int as n from deliveries group by 1, 2`);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.integration_id, { ...out.get(r.integration_id), [r.state]: r.n });
  return out;
}

async function deliveriesFor(integrationId: string, states: string[]) {
  await t.db.execute(sql`
    insert into deliveries (integration_id, completion_id, state)
    select ${integrationId}::uuid, c.id, (${`{${states.join(",")}}`}::text[])[1 + (row_number() over () - 1) % ${states.length}]
    from completions c`);
}

describe("delivery counts kept by the deliveries triggers", () => {
  it("match counting the deliveries after inserts, state changes, deletes and a compaction", async () => {
    await seedLmsData(t.db, new Date(), { users: 20, completions: 60 });
    const a = (await addTestIntegration(t.db, { endpointUrl: "https://a.example.com/in" })).integrationId;
    const b = (await addTestIntegration(t.db, { endpointUrl: "https://b.example.com/in", name: "B" }))
      .integrationId;
    await deliveriesFor(a, ["pending", "succeeded", "failed"]);
    await deliveriesFor(b, ["pending"]);
    const sums = async () =>
      new Map(
        [...(await countDeliveriesByState(t.db))].map(([id, c]) => [
          id,
          Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0)),
        ]),
      );
    expect(await sums()).toEqual(await counted());

    // A sync's result write, a lease that changes no state, a resend, and some deleted.
    await t.db.update(deliveries).set({ state: "succeeded" }).where(eq(deliveries.state, "pending"));
    await t.db.update(deliveries).set({ leaseOwner: "w1" }).where(eq(deliveries.integrationId, a));
    await t.db.execute(
      sql`update deliveries set state = 'retrying' where id in (select id from deliveries where state = 'failed' limit 5)`,
    );
    await t.db.execute(
      sql`delete from deliveries where id in (select id from deliveries where integration_id = ${b}::uuid limit 7)`,
    );
    expect(await sums()).toEqual(await counted());
    const before = await countDeliveries(t.db, a);
    expect(before.retrying).toBe(5);
    expect(before.succeeded + before.failed + before.retrying).toBe(60);

    // Compaction keeps the sums, leaves one row per integration and state, and forgets a deleted integration.
    await t.db.delete(integrations).where(eq(integrations.id, b));
    await compactDeliveryCounts(t.db);
    expect(await sums()).toEqual(await counted());
    const rows = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from delivery_counts`);
    expect(rows[0]!.n).toBe(3);
    expect(await countDeliveries(t.db, a)).toEqual(before);

    const [listed] = await listIntegrations(t.db);
    expect(listed!.stats).toMatchObject({ pending: 5, failed: before.failed, succeeded: before.succeeded });
  });

  it("are emptied with the deliveries by TRUNCATE", async () => {
    await seedLmsData(t.db, new Date(), { users: 5, completions: 10 });
    const a = (await addTestIntegration(t.db, { endpointUrl: "https://a.example.com/in" })).integrationId;
    await deliveriesFor(a, ["pending"]);
    await t.db.execute(sql`truncate deliveries`);
    expect((await countDeliveries(t.db, a)).pending).toBe(0);
  });
});
