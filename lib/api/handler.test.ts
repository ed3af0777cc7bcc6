import { DrizzleQueryError } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiError } from "./errors";
import { route } from "./handler";
import { isoDateTime } from "./iso-date-time";
import { callRoute } from "./test-support/call-route";

const output = z.object({ name: z.string().describe("A name"), at: isoDateTime.describe("A time") });
const base = {
  method: "POST",
  path: "/api/things",
  role: "public",
  summary: "A thing",
  output,
  example: { output: { name: "a", at: "2026-01-01T00:00:00.000Z" } },
} as const;

describe("route(): the contract on the way in and out", () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  afterEach(() => logged.mockClear());

  it("sends the reply as parsed by its output schema: unknown keys dropped, dates as ISO text", async () => {
    const handler = route(base, async () => ({
      name: "a",
      at: new Date(Date.UTC(2026, 0, 2)),
      secret: "s3cr3t",
    }));
    expect(handler.contract).toBe(base);
    const { status, body } = await callRoute(handler, { body: {} });
    expect(status).toBe(200);
    expect(body).toEqual({ name: "a", at: "2026-01-02T00:00:00.000Z" });
  });

  it("answers a reply that does not match its schema with a logged 500 that reveals nothing", async () => {
    const handler = route(base, async () => ({ name: "s3cr3t-value", at: "not a date" }) as never);
    const { status, body, text } = await callRoute(handler, { body: {} });
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(text).not.toContain("s3cr3t");
    expect(String(logged.mock.calls[0]?.[0])).toContain("at");
  });

  it("logs a failed query's statement and the database's message, not its parameters", async () => {
    const handler = route(base, async () => {
      throw new DrizzleQueryError("select $1", ["s3cr3t-param"], new Error("relation does not exist"));
    });
    expect((await callRoute(handler, { body: {} })).status).toBe(500);
    const line = String(logged.mock.calls[0]?.[0]);
    expect(line).toContain("relation does not exist");
    expect(line).toContain("select $1");
    expect(line).not.toContain("s3cr3t-param");
  });

  it("lets error responses through but not a success that bypasses the schema", async () => {
    const refused = route(base, async () => apiError(409, "conflict", "Busy"));
    expect((await callRoute(refused, { body: {} })).status).toBe(409);
    const bypass = route(base, async () => Response.json({ anything: true }));
    expect((await callRoute(bypass, { body: {} })).status).toBe(500);
    expect(logged).toHaveBeenCalled();
  });

  it("parses the input first (400 with every issue) and sends the declared status", async () => {
    const input = z.object({ n: z.number().describe("A number"), s: z.string().describe("Text") });
    const created = route({ ...base, input, status: 201 }, async ({ input }) => ({
      name: `${input.s}${input.n}`,
      at: "2026-01-01T00:00:00Z",
    }));
    const bad = await callRoute(created, { body: { n: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(["n", "s"]);
    expect(await callRoute(created, { body: { n: 1, s: "a" } })).toMatchObject({
      status: 201,
      body: { name: "a1" },
    });
    const none = route(
      { ...base, output: z.null(), status: 204, example: { output: null } },
      async () => null,
    );
    expect(await callRoute(none, { body: {} })).toMatchObject({ status: 204, text: "" });
  });

  it("checks a route's own key before it reads the body", async () => {
    const apiKey = { header: "X-Key", check: () => apiError(401, "unauthorized", "Missing or wrong X-Key") };
    const keyed = route({ ...base, apiKey, input: z.object({}) }, async () => ({
      name: "a",
      at: new Date(),
    }));
    expect((await callRoute(keyed, { body: "not json" })).status).toBe(401);
  });
});
