import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/test-support/call-route";
import {
  createInboundFixture,
  createTestSource,
  type InboundFixture,
} from "@/lib/inbound/test-support/fixture";
import { GET as log } from "./route";

let f: InboundFixture;

beforeAll(async () => {
  f = await createInboundFixture();
});
afterAll(async () => {
  await f.t.drop();
});

const list = (id: string) =>
  callRoute(log, { token: f.viewerToken, path: `/api/inbound-sources/${id}/log`, params: { id } });

describe("GET /api/inbound-sources/:id/log", () => {
  it("is a 404 for a well-formed id no source has, as the export is (was an empty page)", async () => {
    const r = await list(randomUUID());
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: "not_found", message: "Inbound source not found" } });
  });

  it("is an empty page for a source that was never sent anything", async () => {
    const { id } = await createTestSource(f.adminToken);
    const r = await list(id);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ entries: [], nextCursor: null });
  });
});
