import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/database";
import { insertAppUser } from "./app-users";
import { insertNotification, listNotifications, markAllNotificationsRead } from "./notifications";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("notifications have a read state per user", () => {
  it("a viewer's 'mark all read' clears their own inbox and leaves the admin's unread", async () => {
    const admin = await insertAppUser(t.db, {
      email: "a@t.local",
      name: "A",
      role: "admin",
      passwordHash: "x",
    });
    const viewer = await insertAppUser(t.db, {
      email: "v@t.local",
      name: "V",
      role: "viewer",
      passwordHash: "x",
    });
    for (const title of ["one", "two"]) {
      await insertNotification(t.db, { kind: "test", severity: "info", title, body: title });
    }
    await markAllNotificationsRead(t.db, viewer.id);
    const mine = await listNotifications(t.db, viewer.id, 10);
    expect(mine.unread).toBe(0);
    expect(mine.notifications.every((n) => n.readAt instanceof Date)).toBe(true);
    const theirs = await listNotifications(t.db, admin.id, 10);
    expect(theirs.unread).toBe(2);
    expect(theirs.notifications.map((n) => [n.title, n.readAt])).toEqual([
      ["two", null],
      ["one", null],
    ]);
    await insertNotification(t.db, { kind: "test", severity: "warning", title: "three", body: "three" });
    expect((await listNotifications(t.db, viewer.id, 10)).unread).toBe(1);

    // Up to the newest one the admin was shown: one that arrived after the page loaded stays unread.
    const shown = theirs.notifications[0]!.id;
    await markAllNotificationsRead(t.db, admin.id, { upTo: shown });
    const after = await listNotifications(t.db, admin.id, 10);
    expect(after.unread).toBe(1);
    expect(after.notifications.filter((n) => n.readAt === null).map((n) => n.title)).toEqual(["three"]);
  });

  it("'mark all read' leaves unread a notification the page could not see yet, though its id is lower", async () => {
    const reader = await insertAppUser(t.db, {
      email: "r@t.local",
      name: "R",
      role: "viewer",
      passwordHash: "x",
    });
    await markAllNotificationsRead(t.db, reader.id);
    // A run's flush takes its id first and commits after another notification that came later.
    const slow = await t.sql.reserve();
    try {
      await slow`begin`;
      const [late] = await slow<{ id: number }[]>`
        insert into notifications (kind, severity, title, body) values ('test', 'error', 'late', 'late') returning id`;
      const early = await insertNotification(t.db, {
        kind: "test",
        severity: "info",
        title: "early",
        body: "early",
      });
      expect(early.id).toBeGreaterThan(Number(late!.id));

      const page = await listNotifications(t.db, reader.id, 10);
      expect(page.notifications.map((n) => n.title)).toContain("early");
      expect(page.notifications.map((n) => n.title)).not.toContain("late");
      await slow`commit`;

      await markAllNotificationsRead(t.db, reader.id, { upTo: page.notifications[0]!.id, asOf: page.asOf! });
      const after = await listNotifications(t.db, reader.id, 10);
      expect(after.notifications.filter((n) => n.readAt === null).map((n) => n.title)).toEqual(["late"]);
      expect(after.unread).toBe(1);
    } finally {
      slow.release();
    }
  });
});
