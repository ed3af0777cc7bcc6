import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import type { LogOutcome } from "@/lib/sync/model";
import { addTestIntegration } from "@/lib/sync/test-support/fixture";

export const FIXTURE_TEXT = "certificate has expired";
const FIRST = ["Anne", "Zoë", "Søren", "Ida", "Karl"];
const LAST = ["Hansen", "Jensen", "Müller", "Dubois"];

/** A log row as the tests' oracle sees it: what the filters read, from the database itself. */
export type FixtureRow = {
  id: number;
  createdAt: Date;
  outcome: LogOutcome;
  status: number | null;
  userId: number;
  email: string;
  userName: string;
  fullName: string;
  text: string;
};

/**
 * `learners` learners and `rows` log rows of one integration over 180 days, inserted as a sync writes them (with
 * the chart's counts): a tenth fail (every second of those 503, one in five with FIXTURE_TEXT), some interrupted;
 * times are a little out of id order, as late-logged attempts are.
 */
export async function seedLogFixture(db: Db, opts: { rows: number; learners: number }) {
  const first = sql`(${`{${FIRST.join(",")}}`}::text[])[1 + g % 5]`;
  const last = sql`(${`{${LAST.join(",")}}`}::text[])[1 + g % 4]`;
  await db.execute(sql`
    insert into users (user_name, email, first_name, last_name)
    select 'learner' || g, lower(${first}) || '.' || lower(${last}) || g || '@company.com', ${first}, ${last}
    from generate_series(1, ${opts.learners}) g`);
  const { integrationId } = await addTestIntegration(db, { endpointUrl: "https://hr.example.com/in" });
  const users = await db.execute<{ id: number }>(sql`select id from users order by id`);
  const now = Date.now();
  const step = (180 * 86_400_000) / opts.rows;
  const rows: string[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const fails = i % 10 === 0;
    const outcome: LogOutcome = i % 97 === 0 ? "interrupted" : fails ? "failure" : "success";
    const status = outcome === "interrupted" ? null : fails ? (i % 20 === 0 ? 503 : 400) : 200;
    rows.push(
      serializeSyncLogRow({
        integrationId,
        userId: users[i % users.length]!.id,
        createdAt: new Date(now - (opts.rows - i) * step + (i % 3) * 3_600_000),
        durationMs: 10,
        attempt: 1,
        requestUrl: "https://hr.example.com/in",
        requestHeaders: { "content-type": "application/json" },
        requestBody: `{"employeeId":"E${i}"}`,
        status,
        responseBody: fails ? '{"error":"employeeId unknown"}' : '{"ok":true}',
        errorCode: fails ? "http_status" : null,
        errorMessage: fails ? (i % 50 === 0 ? `The receiver's ${FIXTURE_TEXT}` : `HTTP ${status}`) : null,
        outcome,
        mappingVersion: 1,
      }),
    );
  }
  for (let i = 0; i < rows.length; i += 5_000) await insertSyncLogRows(db, rows.slice(i, i + 5_000));
  await db.execute(sql`analyze`);
  return { integrationId, rows: await fixtureRows(db, integrationId) };
}

/** Every log row of the integration, newest first by (created_at, id), with what each filter reads. */
export async function fixtureRows(db: Db, integrationId: string): Promise<FixtureRow[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    select l.id, extract(epoch from l.created_at) * 1000 as ms, l.outcome, l.status, l.user_id, u.email, u.user_name,
      u.first_name || ' ' || u.last_name as full_name,
      l.request_body || ' ' || l.response_body || ' ' || coalesce(l.error_message, '') as text
    from sync_log l join users u on u.id = l.user_id
    where l.integration_id = ${integrationId}::uuid order by l.created_at desc, l.id desc`);
  return rows.map((r) => ({
    id: Number(r.id),
    createdAt: new Date(Number(r.ms)),
    outcome: r.outcome as LogOutcome,
    status: r.status === null ? null : Number(r.status),
    userId: Number(r.user_id),
    email: String(r.email),
    userName: String(r.user_name),
    fullName: String(r.full_name),
    text: String(r.text),
  }));
}
