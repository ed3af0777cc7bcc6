import { describe, expect, it } from "vitest";
import { insertNotification } from "@/db/queries/notifications";
import { apiTestDatabase } from "@/lib/api/test-support/api-test-database";
import { callRoute } from "@/lib/api/test-support/call-route";
import { POST as markOneRead } from "./[id]/read/route";
import { POST as markRead } from "./read/route";
import { GET as inbox } from "./route";

const api = apiTestDatabase();

const page = (query: string, token = api.viewerToken) =>
  callRoute(inbox, { token, path: `/api/notifications?${query}` });

describe("GET /api/notifications pages back through the inbox", () => {
  it("gives each notification once, newest first, page by page, with the unread count of the whole inbox", async () => {
    for (let i = 1; i <= 5; i++) {
      await insertNotification(api.t.db, { kind: "test", severity: "info", title: `n${i}`, body: `n${i}` });
    }
    const seen: string[] = [];
    let query = "limit=2";
    const counts: number[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const r = await page(query);
      expect(r.status).toBe(200);
      seen.push(...r.body.notifications.map((n: { title: string }) => n.title));
      counts.push(r.body.unread);
      if (r.body.nextCursor === null) break;
      query = `limit=2&before=${r.body.nextCursor}`;
    }
    expect(seen).toEqual(["n5", "n4", "n3", "n2", "n1"]);
    expect(counts).toEqual([5, 5, 5]);
    // A page that ends exactly at the oldest says there is no more.
    const all = await page("limit=5");
    expect(all.body.nextCursor).toBeNull();

    // Mark all read up to the newest shown: older pages too, for this viewer only.
    expect(
      (await callRoute(markRead, { token: api.viewerToken, body: { upTo: all.body.notifications[0].id } }))
        .status,
    ).toBe(200);
    expect((await page("limit=1")).body.unread).toBe(0);
    expect((await page("limit=1", api.adminToken)).body.unread).toBe(5);
  });

  it("refuses a cursor that is not a positive whole number, at `before`", async () => {
    for (const before of ["0", "-3", "abc", "1.5", "1e300"]) {
      const r = await page(`before=${before}`);
      expect(r.status, before).toBe(400);
      expect(JSON.stringify(r.body.error.details), before).toContain("before");
    }
  });

  it("marks one notification read for the caller only, again without change; an unknown one is a 404", async () => {
    const one = await insertNotification(api.t.db, {
      kind: "test",
      severity: "warning",
      title: "one",
      body: "one",
    });
    const other = await insertNotification(api.t.db, {
      kind: "test",
      severity: "info",
      title: "other",
      body: "x",
    });
    const unread = async (token: string) => (await page("limit=1", token)).body.unread as number;
    const [viewerBefore, adminBefore] = [await unread(api.viewerToken), await unread(api.adminToken)];
    const mark = (id: string | number) =>
      callRoute(markOneRead, { token: api.viewerToken, body: {}, params: { id: String(id) } });

    expect((await mark(one.id)).status).toBe(200);
    expect(await unread(api.viewerToken)).toBe(viewerBefore - 1);
    expect((await mark(one.id)).status).toBe(200); // again: no change
    expect(await unread(api.viewerToken)).toBe(viewerBefore - 1);
    expect(await unread(api.adminToken)).toBe(adminBefore); // theirs stays unread
    const shown = (await page("limit=5")).body.notifications as { id: number; readAt: string | null }[];
    expect(shown.find((n) => n.id === one.id)?.readAt).not.toBeNull();
    expect(shown.find((n) => n.id === other.id)?.readAt).toBeNull();

    expect((await mark(other.id + 1000)).status).toBe(404);
    for (const bad of ["0", "abc", "1.5"]) expect((await mark(bad)).status, bad).toBe(404);
  });

  it("refuses an asOf that is not a snapshot as the inbox gives it, at asOf, never a 500", async () => {
    const { asOf } = (await page("limit=1")).body;
    expect(asOf).toMatch(/^\d+:\d+:[\d,]*$/);
    const ok = await callRoute(markRead, { token: api.viewerToken, body: { upTo: 1, asOf } });
    expect(ok.status).toBe(200);
    for (const bad of [
      "",
      "abc",
      "5:3:",
      "0:9:",
      "3:9:2",
      "3:9:9",
      "3:9:7,5",
      "3:99999999999999999999:",
      "1:2:;drop",
    ]) {
      const r = await callRoute(markRead, { token: api.viewerToken, body: { asOf: bad } });
      expect(r.status, bad).toBe(400);
      expect(JSON.stringify(r.body.error.details), bad).toContain("asOf");
    }
  });
});
