import { afterAll, beforeAll, expect, it } from "vitest";
import { loadCompletionRecords } from "@/db/queries/completion-records";
import { completions } from "@/db/schema";
import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { receiverValidator } from "@/lib/contract/validator";
import { buildPayload, STANDARD_MAPPING } from "@/lib/mapping";
import { DEMO_RECEIVER_SCHEMA } from "./receiver-schema";

// The demo integration validates before sending: were the demo data to break its schema, the demo would send
// nothing for those completions. Every demo completion, through the standard mapping, must satisfy it.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

it("every completion of the demo data satisfies the demo receiver's schema", async () => {
  await seedLmsData(t.db);
  const ids = (await t.db.select({ id: completions.id }).from(completions)).map((r) => r.id);
  const records = await loadCompletionRecords(t.db, ids);
  const validator = receiverValidator(DEMO_RECEIVER_SCHEMA);
  if (!validator.ok) throw new Error(JSON.stringify(validator.problems));
  const broken = [...records.values()].flatMap((record) => {
    const built = buildPayload([...STANDARD_MAPPING], record);
    if (!built.ok) return [built.errors.map((e) => e.message).join("; ")];
    return validator.check(built.payload).map((i) => i.message);
  });
  expect(records.size).toBe(1000);
  expect(broken).toEqual([]);
  // The schema does hold something back: a key it does not know, a date that is not one.
  expect(
    validator.check({
      employeeId: "anne@company.com",
      courseName: "x",
      completedOn: "11/04/2026",
      status: "passed",
      note: 1,
    }),
  ).toHaveLength(2);
});
