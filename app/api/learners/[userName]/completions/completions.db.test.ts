// The user name reaches the route decoded once by Next (`/api/learners/a%2541b/…` → "a%41b"); callRoute hands the
// params as Next would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createRouteFixture, type RouteFixture } from "@/lib/learners/test-support/route-fixture";
import { GET as completions } from "./route";

let f: RouteFixture;

beforeAll(async () => {
  f = await createRouteFixture();
  await f.t.db.insert(users).values([
    { userName: "a%41b", email: "percent@company.com", firstName: "Per", lastName: "Cent" },
    { userName: "aAb", email: "plain@company.com", firstName: "Plain", lastName: "Name" },
  ]);
});
afterAll(async () => {
  await f.t.drop();
});

const get = (path: string, userName: string) =>
  callRoute(completions, { token: f.viewerToken, path, params: { userName } });

describe("GET /api/learners/:userName/completions decodes the name no further", () => {
  it("a %00 that was %2500 in the URL is text, not a NUL sent to PostgreSQL (was a 500)", async () => {
    const r = await get("/api/learners/a%2500b/completions", "a%00b");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });

  it("a NUL in the name is a 400", async () => {
    const r = await get("/api/learners/a%00b/completions", "a\u0000b");
    expect(r.status).toBe(400);
  });

  it("a name holding %41 is that learner, not the one with A in its place", async () => {
    const r = await get("/api/learners/a%2541b/completions", "a%41b");
    expect(r.status).toBe(200);
    expect(r.body.learner.userName).toBe("a%41b");
    const plain = await get("/api/learners/aAb/completions", "aAb");
    expect(plain.body.learner.userName).toBe("aAb");
  });

  it("an e-mail arrives decoded (%40 → @) and finds its learner", async () => {
    const r = await get("/api/learners/anne%40company.com/completions", "anne@company.com");
    expect(r.status).toBe(200);
    expect(r.body.learner.userName).toBe("anne");
  });
});
