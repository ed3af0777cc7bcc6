import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/test-support/call-route";
import { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "./route";

const HANDLERS = { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE };
const METHODS = Object.keys(HANDLERS) as (keyof typeof HANDLERS)[];

describe("a path under /api that no route has", () => {
  it.each(METHODS)("%s is a JSON 404 in the API's error shape, not Next's HTML page", async (method) => {
    const r = await callRoute(HANDLERS[method], {
      method,
      path: "/api/integrations/x/nope?a=1",
      params: { path: "integrations/x/nope" },
      ...(method === "GET" || method === "HEAD" ? {} : { body: {} }),
    });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error: { code: "not_found", message: `No API route answers ${method} /api/integrations/x/nope` },
    });
  });

  it("needs no sign-in to say so, and says it without a body it cannot read", async () => {
    const r = await callRoute(POST, { path: "/api/nope", body: "not json" });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });
});
