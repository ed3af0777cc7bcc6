// GET /api/health — liveness and database reachability (no login)
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { route } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

const healthSchema = z.object({
  ok: z.boolean().describe("Whether the app can serve requests"),
  db: z.enum(["up", "down"]).describe("Whether the database answers"),
});

export const GET = route(
  {
    method: "GET",
    path: "/api/health",
    role: "public",
    summary: "Liveness and database reachability, for load balancers and monitoring",
    output: healthSchema,
    errors: { 503: { description: "The database does not answer", body: healthSchema } },
    example: { output: { ok: true, db: "up" } },
  },
  async () => {
    try {
      await getDb().execute(sql`select 1`);
      return { ok: true, db: "up" };
    } catch {
      return Response.json({ ok: false, db: "down" }, { status: 503 });
    }
  },
);
