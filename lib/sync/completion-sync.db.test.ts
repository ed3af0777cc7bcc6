import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { activities, completions, deliveries, integrations, syncRuns, users } from "@/db/schema";
import { json } from "@/lib/delivery/test-support/servers";
import { integrationSync } from "@/worker/tasks/integration-sync";
import { completionJobKey, integrationQueue } from "./jobs";
import { addTestIntegration } from "./test-support/fixture";
import { inboundSyncBed } from "./test-support/inbound-bed";

// Sync on completion, end to end: completions arrive through the real inbound route; the database enqueues one
// debounced job per integration; a real graphile-worker runs it and the HTTPS receiver gets the completions.

const bed = inboundSyncBed(200);
let learners: string[];
beforeAll(async () => {
  learners = (await bed.f.t.db.select({ userName: users.userName }).from(users).orderBy(users.id)).map(
    (u) => u.userName,
  );
});
afterEach(async () => {
  await bed.f.t.db.delete(integrations);
  await bed.f.t.sql`delete from graphile_worker._private_jobs`;
  bed.receiver.requests.length = 0;
  bed.receiver.setDefault(json(200, { received: true }));
});

let day = 0;
/** `n` completions of one new day (none sent before), spread over the learners and minutes. */
function newCompletions(n: number, score = 90) {
  day += 1;
  const base = Date.UTC(2026, 0, 1) + day * 86_400_000;
  return Array.from({ length: n }, (_, i) => ({
    userName: learners[i % learners.length],
    activityName: "GDPR introduction",
    completionDate: new Date(base + Math.floor(i / learners.length) * 60_000).toISOString(),
    bestCombined: 100,
    bestScore: score,
  }));
}
const completionsOn = (date: string) =>
  bed.f.t.db
    .select()
    .from(completions)
    .where(eq(completions.completionDate, new Date(date)));
const sendIn = (items: unknown[]) => bed.sendCompletions(items);

type Job = { key: string; queue: string; payload: unknown; runAt: string; locked: boolean };
const jobsOf = (integrationId: string) => bed.f.t.sql<Job[]>`
  select j.key, q.queue_name as queue, j.payload, j.run_at as "runAt", j.locked_at is not null as locked
  from graphile_worker._private_jobs j
  join graphile_worker._private_job_queues q on q.id = j.job_queue_id
  where q.queue_name = ${integrationQueue(integrationId)} order by j.id`;
/** The debounce passing: the waiting jobs fall due (instead of the test sleeping until they do). */
const letDebouncePass = () =>
  bed.f.t.sql`update graphile_worker._private_jobs set run_at = now() where locked_at is null`;
/** A worker runs every job that is due, as `npm start` would. */
const runDueJobs = () =>
  runOnce({ connectionString: bed.f.t.url, taskList: { "integration-sync": integrationSync } });
const runsOf = (integrationId: string) =>
  bed.f.t.db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId));

describe("sync on completion", () => {
  it("is off by default: a new completion enqueues nothing and waits for the schedule", async () => {
    const { integrationId, row } = await addTestIntegration(bed.f.t.db, { endpointUrl: bed.receiver.url });
    expect(row).toMatchObject({ syncOnCompletion: false, syncDebounceSeconds: 10, resendOnUpdate: false });
    expect(await sendIn(newCompletions(3))).toHaveLength(3);
    expect(await jobsOf(integrationId)).toEqual([]);
  });

  it("sends an inbound completion within the debounce time: one job at recorded time + 10 s, run by a worker", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
    });
    const [item] = newCompletions(1);
    expect(await sendIn([item])).toEqual(["created"]);
    const [stored] = await completionsOn(item!.completionDate);

    const [job, ...more] = await jobsOf(integrationId);
    expect(more).toEqual([]);
    expect(job).toMatchObject({
      key: completionJobKey(integrationId),
      payload: { integrationId, trigger: "completion" },
      locked: false,
    });
    // Due exactly the debounce after the completion was recorded (both stamped by the same transaction).
    expect(new Date(job!.runAt).getTime() - stored!.recordedAt.getTime()).toBe(10_000);

    // Before the debounce has passed a worker leaves it waiting: nothing is sent yet.
    await runDueJobs();
    expect(bed.receiver.requests).toHaveLength(0);
    expect(await jobsOf(integrationId)).toHaveLength(1);

    await letDebouncePass();
    await runDueJobs();
    expect(bed.receiver.requests).toHaveLength(1);
    expect(JSON.parse(bed.receiver.requests[0]!.body)).toMatchObject({
      employeeId: `${item!.userName}@company.com`,
    });
    expect(await runsOf(integrationId)).toMatchObject([
      { trigger: "completion", status: "completed", sent: 1 },
    ]);
    expect(await jobsOf(integrationId)).toEqual([]);
  });

  it("waits the integration's own debounce, and a second completion meanwhile keeps the first one's run time", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
      syncDebounceSeconds: 300,
    });
    const [item] = newCompletions(1);
    await sendIn([item]);
    const [first] = await jobsOf(integrationId);
    const [stored] = await completionsOn(item!.completionDate);
    expect(new Date(first!.runAt).getTime() - stored!.recordedAt.getTime()).toBe(300_000);
    await sendIn(newCompletions(1));
    const [again, ...more] = await jobsOf(integrationId);
    expect(more).toEqual([]);
    expect(again!.runAt).toEqual(first!.runAt); // not pushed back by the second completion
  });

  it("turns a burst of 10,000 inbound completions into one run that sends them all", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
      concurrency: 32,
    });
    const burst = newCompletions(10_000);
    for (let i = 0; i < burst.length; i += 1_000) await sendIn(burst.slice(i, i + 1_000));
    expect(await jobsOf(integrationId)).toHaveLength(1);

    await letDebouncePass();
    await runDueJobs();
    expect(await runsOf(integrationId)).toMatchObject([
      { trigger: "completion", sent: 10_000, succeeded: 10_000 },
    ]);
    expect(new Set(bed.receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(10_000);
  }, 120_000);

  it("a completion that arrives while the run is under way gets one more run behind it, not one per completion", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
    });
    await sendIn(newCompletions(5));
    // A worker has taken the job (its run reads the completions committed so far).
    await bed.f.t.sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'worker-a'`;
    for (let i = 0; i < 3; i++) await sendIn(newCompletions(5));
    const jobs = await jobsOf(integrationId);
    expect(jobs.map((j) => j.locked)).toEqual([true, false]);
    expect(jobs[1]).toMatchObject({
      key: completionJobKey(integrationId),
      payload: { trigger: "completion" },
    });
  });

  it("leaves paused integrations and unchanged completions alone", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
    });
    const items = newCompletions(2);
    await sendIn(items);
    await bed.f.t.sql`delete from graphile_worker._private_jobs`;
    // The same completions again: nothing changed, no revision, no run.
    expect(await sendIn(items)).toEqual(["unchanged", "unchanged"]);
    expect(await jobsOf(integrationId)).toEqual([]);

    await bed.f.t.db.update(integrations).set({ status: "paused" }).where(eq(integrations.id, integrationId));
    await sendIn(newCompletions(2));
    expect(await jobsOf(integrationId)).toEqual([]);
  });

  it("works for an LMS that writes with a role of its own, which may not touch integrations or the job queue", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
    });
    await bed.f.t.sql.unsafe(`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'lms_writer') then create role lms_writer; end if;
      end $$;
      grant select, insert, update on completions to lms_writer;
      grant usage on all sequences in schema public to lms_writer`);
    const [learner] = await bed.f.t.db.select({ id: users.id }).from(users).limit(1);
    const [course] = await bed.f.t.db.select({ id: activities.id }).from(activities).limit(1);
    await bed.f.t.db.transaction(async (tx) => {
      await tx.execute(sql`set local role lms_writer`);
      await tx.insert(completions).values({
        userId: learner!.id,
        activityId: course!.id,
        completionDate: new Date("2025-06-01T09:00:00Z"),
        bestCombined: 100,
        bestScore: 77,
      });
    });
    expect(await jobsOf(integrationId)).toMatchObject([{ key: completionJobKey(integrationId) }]);
  });

  it("counts every writer of completions: the LMS changing a score in SQL enqueues a run too", async () => {
    const { integrationId } = await addTestIntegration(bed.f.t.db, {
      endpointUrl: bed.receiver.url,
      syncOnCompletion: true,
    });
    const [one] = await bed.f.t.db.select({ id: completions.id }).from(completions).limit(1);
    await bed.f.t.db.execute(
      sql`update completions set best_score = case when best_score = 12 then 13 else 12 end where id = ${one!.id}`,
    );
    expect(await jobsOf(integrationId)).toHaveLength(1);
    const [changed] = await bed.f.t.db.select().from(completions).where(eq(completions.id, one!.id));
    expect(changed!.revision).toBeGreaterThan(1);
    expect(await bed.f.t.db.select().from(deliveries)).toEqual([]);
  });
});
