import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertAppUser } from "@/db/queries/app-users";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { actorFromApiToken, createApiToken } from "./api-tokens";
import { checkWithinLoginLimit, loginRetryAfter, recordLoginResult } from "./login-limit";
import { endSession, resolveSession, startSession } from "./sessions";
import { changeUser } from "./users";

let t: TestDatabase;
const T0 = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
});
beforeEach(async () => {
  await truncateAll(t);
});
afterAll(async () => {
  await t.drop();
});

const user = (email = "ann@example.com", role: "admin" | "viewer" = "admin") =>
  insertAppUser(t.db, { email, name: email, role, passwordHash: "x" });

const reasons = () =>
  t.sql<{ ended_reason: string | null }[]>`select ended_reason from app_sessions order by created_at`.then(
    (r) => r.map((x) => x.ended_reason),
  );

describe("sessions end when they should", () => {
  it("resolves an open session to its user with the current role, and not after sign-out", async () => {
    const u = await user();
    const sid = await startSession(t.db, u.id, T0);
    expect((await resolveSession(t.db, sid, minutes(5)))?.email).toBe("ann@example.com");
    await endSession(t.db, sid, "signed_out", minutes(6));
    expect(await resolveSession(t.db, sid, minutes(7))).toBeNull();
    expect(await reasons()).toEqual(["signed_out"]);
  });

  it("ends a session left idle longer than SESSION_IDLE_MINUTES (60), counting from its last use", async () => {
    const u = await user();
    const sid = await startSession(t.db, u.id, T0);
    expect(await resolveSession(t.db, sid, minutes(50))).not.toBeNull();
    expect(await resolveSession(t.db, sid, minutes(105))).not.toBeNull();
    expect(await resolveSession(t.db, sid, minutes(166))).toBeNull();
    expect(await reasons()).toEqual(["idle"]);
  });

  it("ends a session older than SESSION_MAX_HOURS (12) even while in use", async () => {
    const u = await user();
    const sid = await startSession(t.db, u.id, T0);
    for (let m = 50; m < 12 * 60; m += 50) expect(await resolveSession(t.db, sid, minutes(m))).not.toBeNull();
    expect(await resolveSession(t.db, sid, minutes(12 * 60 + 10))).toBeNull();
    expect(await reasons()).toEqual(["expired"]);
  });

  it.each([
    [{ kind: "role", role: "viewer" } as const, "role_changed"],
    [{ kind: "disable" } as const, "user_disabled"],
    [{ kind: "delete" } as const, "user_deleted"],
  ])(
    "%o ends every session of the user and revokes their API tokens, others keep theirs",
    async (change, reason) => {
      const ann = await user();
      const bob = await user("bob@example.com");
      const sessions = [await startSession(t.db, ann.id), await startSession(t.db, ann.id)];
      const bobs = await startSession(t.db, bob.id);
      const token = await createApiToken(t.db, ann.email);
      const bobToken = await createApiToken(t.db, bob.email);
      if (!token.ok || !bobToken.ok) throw new Error("no token");

      const result = await changeUser(t.db, ann.email, change, null);
      expect(result).toEqual({ ok: true, sessionsEnded: 2 });
      for (const sid of sessions) expect(await resolveSession(t.db, sid)).toBeNull();
      expect(await actorFromApiToken(t.db, token.token)).toBeNull();
      expect((await resolveSession(t.db, bobs))?.email).toBe("bob@example.com");
      expect((await actorFromApiToken(t.db, bobToken.token))?.email).toBe("bob@example.com");
      if (change.kind !== "delete") expect(await reasons()).toContain(reason);
    },
  );
});

describe("account changes", () => {
  it("deletes a disabled account (it was 'no active user'), and changes the role of active ones only", async () => {
    await user("gone@example.com");
    expect(await changeUser(t.db, "gone@example.com", { kind: "disable" }, null)).toMatchObject({ ok: true });
    expect(await changeUser(t.db, "gone@example.com", { kind: "role", role: "viewer" }, null)).toMatchObject({
      ok: false,
      error: "no active user with e-mail gone@example.com",
    });
    expect(await changeUser(t.db, "Gone@Example.com", { kind: "delete" }, null)).toMatchObject({ ok: true });
    expect(await t.sql`select 1 from app_users where email = 'gone@example.com'`).toHaveLength(0);
    expect(await changeUser(t.db, "gone@example.com", { kind: "delete" }, null)).toMatchObject({ ok: false });
  });
});

describe("sign-in limits", () => {
  it("refuses an account after 5 failures in 15 minutes, with the seconds until the oldest ages out", async () => {
    for (let i = 0; i < 4; i++)
      await recordLoginResult(t.db, "Ann@Example.com", `198.51.100.${i}`, false, minutes(i));
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.9", minutes(5))).toBeNull();
    await recordLoginResult(t.db, "ann@example.com", "198.51.100.9", false, minutes(5));
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.9", minutes(6))).toBe(9 * 60);
    expect(await loginRetryAfter(t.db, "bob@example.com", "203.0.113.9", minutes(6))).toBeNull();
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.9", minutes(15.5))).toBeNull();
  });

  it("lets parallel guesses at one account take turns: only 5 are checked, the rest are refused", async () => {
    let checked = 0;
    const guess = () =>
      checkWithinLoginLimit(t.db, "Ann@Example.com", "198.51.100.1", async () => {
        checked += 1;
        // The password check reads the database too, and takes a while (bcrypt).
        await t.db.execute(sql`select pg_sleep(0.02)`);
        return null;
      });
    const results = await Promise.all(Array.from({ length: 12 }, guess));
    expect(checked).toBe(5);
    expect(results.filter((r) => r.retryAfter !== null)).toHaveLength(7);
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.9")).not.toBeNull();
  });

  it("holds no connection while a password is checked: a burst of sign-ins larger than the pool completes", async () => {
    const accounts = Array.from({ length: 25 }, (_, i) => `burst${i}@example.com`);
    const results = await Promise.all(
      accounts.map((email, i) =>
        checkWithinLoginLimit(t.db, email, `203.0.113.${i}`, async () => {
          await t.db.execute(sql`select pg_sleep(0.05)`);
          return i % 2 === 0 ? { email } : null;
        }),
      ),
    );
    expect(results.filter((r) => r.retryAfter === null && r.user !== null)).toHaveLength(13);
    // A success clears its account's failures, the one counted before its check included.
    expect(await loginRetryAfter(t.db, "burst0@example.com", "203.0.113.0")).toBeNull();
    const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from login_failures`;
    expect(row?.n).toBe(12);
  });

  it("refuses an address after 20 failures across accounts, and a success clears only its account", async () => {
    for (let i = 0; i < 20; i++)
      await recordLoginResult(t.db, `u${i}@example.com`, "198.51.100.7", false, minutes(1));
    expect(await loginRetryAfter(t.db, "new@example.com", "198.51.100.7", minutes(2))).toBe(14 * 60);
    expect(await loginRetryAfter(t.db, "new@example.com", "198.51.100.8", minutes(2))).toBeNull();

    for (let i = 0; i < 5; i++)
      await recordLoginResult(t.db, "ann@example.com", "203.0.113.1", false, minutes(2));
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.2", minutes(3))).not.toBeNull();
    await recordLoginResult(t.db, "ann@example.com", "203.0.113.1", true, minutes(3));
    expect(await loginRetryAfter(t.db, "ann@example.com", "203.0.113.2", minutes(3))).toBeNull();
    expect(await loginRetryAfter(t.db, "x@example.com", "198.51.100.7", minutes(3))).not.toBeNull();
  });
});
