import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activities,
  completions,
  learningProfiles,
  organisations,
  userLearningProfiles,
  users,
} from "@/db/schema";
import {
  createInboundFixture,
  createTestSource,
  type InboundFixture,
} from "@/lib/inbound/test-support/fixture";
import { postSigned } from "@/lib/inbound/test-support/inbound-request";
import { POST } from "./route";

let f: InboundFixture;
let strict: { id: string; secret: string };
let lenient: { id: string; secret: string };
const send = (s: { id: string; secret: string }, payload: unknown) =>
  postSigned(POST, s.id, s.secret, payload);

/** Everything inbound data can touch, to show a second identical batch changes nothing. */
async function snapshot() {
  const [u, o, a, p, lp, c] = await Promise.all([
    f.t.db.select().from(users).orderBy(users.id),
    f.t.db.select().from(organisations).orderBy(organisations.id),
    f.t.db.select().from(activities).orderBy(activities.id),
    f.t.db.select().from(learningProfiles).orderBy(learningProfiles.id),
    f.t.db
      .select()
      .from(userLearningProfiles)
      .orderBy(userLearningProfiles.userId, userLearningProfiles.learningProfileId),
    f.t.db.select().from(completions).orderBy(completions.id),
  ]);
  return { u, o, a, p, lp, c };
}

beforeAll(async () => {
  f = await createInboundFixture();
  strict = await createTestSource(f.adminToken, { name: "Strict" });
  lenient = await createTestSource(f.adminToken, { name: "Lenient", createMissing: true });
  const [hr] = await f.t.db.insert(organisations).values({ name: "HR department" }).returning();
  await f.t.db.insert(activities).values({ name: "GDPR introduction" });
  await f.t.db.insert(learningProfiles).values([{ name: "Onboarding" }, { name: "Compliance" }]);
  await f.t.db.insert(users).values({
    userName: "anne",
    email: "anne@company.com",
    firstName: "Anne",
    lastName: "Hansen",
    organisationId: hr!.id,
  });
});
afterAll(async () => {
  await f.t.drop();
});

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  userName,
  email: `${userName}@company.com`,
  firstName: "First",
  lastName: "Last",
  ...extra,
});

describe("inbound users", () => {
  const batch = {
    type: "users",
    items: [
      user("carla", { organisationName: "HR department", learningProfiles: ["Onboarding", "Compliance"] }),
      user("dan", { email: "not an address" }),
      user("emil", { organisationName: "Night shift" }),
      user("fay", { lastName: `Nul${String.fromCharCode(0)}byte` }),
      user("gus", { firstName: "Half \uD83D surrogate" }),
      user("hal", { email: "anne@company.com" }),
      user("ivy", { organisationId: 1, organisationName: "HR department" }),
      user("anne", { email: "anne@company.com", firstName: "Anne", lastName: "Hansen-Berg", active: false }),
    ],
  };

  it("answers one result per item, keeps the valid ones and says what is wrong with each other", async () => {
    const r = await send(strict, batch);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: "partial", ok: 2, failed: 6 });
    const byIndex = Object.fromEntries(r.body.results.map((x: { index: number }) => [x.index, x]));
    expect(byIndex[0]).toEqual({ index: 0, ok: true, action: "created", errors: [] });
    expect(byIndex[1].errors).toEqual([{ field: "email", message: expect.stringMatching(/email/i) }]);
    expect(byIndex[2].errors).toEqual([
      {
        field: "organisationName",
        message: 'No organisation is named "Night shift", and this source may not create organisations',
      },
    ]);
    expect(byIndex[3].errors).toEqual([{ field: "lastName", message: expect.stringContaining("NUL byte") }]);
    expect(byIndex[4].errors).toEqual([
      { field: "firstName", message: expect.stringContaining("lone surrogate") },
    ]);
    expect(byIndex[5].errors).toEqual([
      { field: "email", message: "Another learner already has this e-mail address" },
    ]);
    expect(byIndex[6].errors).toEqual([
      { field: "organisationName", message: "Give organisationId or organisationName, not both" },
    ]);
    expect(byIndex[7]).toMatchObject({ ok: true, action: "updated" });

    const stored = await f.t.db.select({ userName: users.userName }).from(users).orderBy(users.userName);
    expect(stored.map((s) => s.userName)).toEqual(["anne", "carla"]);
    const [anne] = await f.t.db.select().from(users).where(eq(users.userName, "anne"));
    expect(anne).toMatchObject({ lastName: "Hansen-Berg", active: false });
    expect(anne!.organisationId).not.toBeNull();
    const profiles = await f.t.db.execute<{ name: string }>(sql`
      select p.name from user_learning_profiles ulp join learning_profiles p on p.id = ulp.learning_profile_id
      join users u on u.id = ulp.user_id where u.user_name = 'carla' order by p.name`);
    expect(profiles.map((p) => p.name)).toEqual(["Compliance", "Onboarding"]);
    expect(await f.t.db.select().from(organisations)).toHaveLength(1);
  });

  it("changes nothing when the same batch comes again (a new webhook-id): every stored item is unchanged", async () => {
    const before = await snapshot();
    const r = await send(strict, batch);
    expect(
      r.body.results.filter((x: { ok: boolean }) => x.ok).map((x: { action: string }) => x.action),
    ).toEqual(["unchanged", "unchanged"]);
    expect(await snapshot()).toEqual(before);
  });

  it("replaces a learner's learning profiles, and creates a missing organisation only when the source may", async () => {
    const moved = user("carla", { organisationName: "Night shift", learningProfiles: ["Compliance"] });
    const refused = await send(strict, { type: "users", ...moved });
    expect(refused.body).toMatchObject({ outcome: "failed", ok: 0, failed: 1 });
    expect(await f.t.db.select().from(organisations).where(eq(organisations.name, "Night shift"))).toEqual(
      [],
    );

    const allowed = await send(lenient, {
      type: "users",
      items: [moved, user("jo", { organisationName: "Night shift" })],
    });
    expect(allowed.body.results.map((x: { action: string }) => x.action)).toEqual(["updated", "created"]);
    const nightShift = await f.t.db.select().from(organisations).where(eq(organisations.name, "Night shift"));
    expect(nightShift).toHaveLength(1);
    const [carla] = await f.t.db.select().from(users).where(eq(users.userName, "carla"));
    expect(carla!.organisationId).toBe(nightShift[0]!.id);
    const links = await f.t.db
      .select()
      .from(userLearningProfiles)
      .where(eq(userLearningProfiles.userId, carla!.id));
    expect(links).toHaveLength(1);
  });

  it("rolls back what a refused item created: an organisation made for a learner whose e-mail is taken", async () => {
    const r = await send(lenient, {
      type: "users",
      ...user("kim", { email: "anne@company.com", organisationName: "Ghost team" }),
    });
    expect(r.body.results[0].errors[0].field).toBe("email");
    expect(await f.t.db.select().from(organisations).where(eq(organisations.name, "Ghost team"))).toEqual([]);
  });
});

describe("inbound completions", () => {
  const completion = (extra: Record<string, unknown> = {}) => ({
    userName: "anne",
    activityName: "GDPR introduction",
    completionDate: "2026-04-11T14:32:00Z",
    bestCombined: 100,
    bestScore: 95,
    ...extra,
  });
  const stored = () => f.t.db.select().from(completions).orderBy(completions.id);

  it("creates, then on a changed score bumps the revision and recorded_at, and ignores an identical resend", async () => {
    const created = await send(strict, { type: "completions", ...completion() });
    expect(created.body.results[0]).toMatchObject({ ok: true, action: "created" });
    const [first] = await stored();
    expect(first).toMatchObject({ revision: 1, bestScore: 95 });

    const same = await send(strict, {
      type: "completions",
      items: [completion({ completionDate: "2026-04-11T16:32:00+02:00" })],
    });
    expect(same.body.results[0].action).toBe("unchanged");
    expect((await stored())[0]).toEqual(first);

    const changed = await send(strict, {
      type: "completions",
      items: [completion({ email: undefined, bestScore: 97 })],
    });
    expect(changed.body.results[0].action).toBe("updated");
    const [updated] = await stored();
    expect(updated).toMatchObject({ id: first!.id, revision: 2, bestScore: 97 });
    expect(updated!.recordedAt.getTime()).toBeGreaterThan(first!.recordedAt.getTime());
    expect(await stored()).toHaveLength(1);
  });

  it("refuses unknown learners and activities per item, creating an activity only when the source may", async () => {
    const items = [
      completion({ userName: "nobody" }),
      completion({ activityName: "Forklift basics" }),
      completion({
        userName: undefined,
        email: "anne@company.com",
        activityId: 999_999,
        activityName: undefined,
      }),
      completion({ userName: undefined }),
      completion({ bestCombined: 101, completionDate: "yesterday" }),
    ];
    const r = await send(strict, { type: "completions", items });
    expect(r.body).toMatchObject({ outcome: "failed", ok: 0, failed: 5 });
    expect(r.body.results.map((x: { errors: { field: string }[] }) => x.errors.map((e) => e.field))).toEqual([
      ["userName"],
      ["activityName"],
      ["activityId"],
      ["userName"],
      ["completionDate", "bestCombined"],
    ]);
    expect(r.body.results[0].errors[0].message).toBe('No learner has the user name "nobody"');

    const lenientReply = await send(lenient, { type: "completions", items: [items[1]] });
    expect(lenientReply.body.results[0]).toMatchObject({ ok: true, action: "created" });
    expect(await f.t.db.select().from(activities).where(eq(activities.name, "Forklift basics"))).toHaveLength(
      1,
    );
  });

  it("refuses a kind the source may not send, a body that is not JSON and a batch over 1,000 items with 400", async () => {
    const usersOnly = await createTestSource(f.adminToken, { name: "Users only", kinds: ["users"] });
    const wrongKind = await send(usersOnly, { type: "completions", ...completion() });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toBe("This source may not send completions; it may send users");
    expect((await send(strict, "{not json")).status).toBe(400);
    const tooMany = await send(strict, {
      type: "users",
      items: Array.from({ length: 1001 }, (_, i) => user(`u${i}`)),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/^Invalid body: items/);
  });
});
