// GET /api/health — liveness and database reachability (no login)
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  let db = false;
  try {
    await getDb().execute(sql`select 1`);
    db = true;
  } catch {
    db = false;
  }
  return Response.json({ ok: db, db: db ? "up" : "down" }, { status: db ? 200 : 503 });
}
