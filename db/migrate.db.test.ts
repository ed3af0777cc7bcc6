import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { searchLearners } from "./queries/learners";
import { users } from "./schema";

// A database where pg_trgm cannot be created, as on a server without PostgreSQL's contrib modules or where the
// app's role may not create extensions: an event trigger refuses it the way such a server would.
const name = `t_notrgm_${randomBytes(4).toString("hex")}`;
const adminUrl = inject("pgAdminUrl");
const url = adminUrl.replace(/\/postgres$/, `/${name}`);
let handle: DbHandle;

beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const db = postgres(url, { max: 1, onnotice: () => {} });
  await db.unsafe(`
    create function refuse_extensions() returns event_trigger language plpgsql as $$
    begin
      raise exception 'permission denied to create extension' using errcode = 'insufficient_privilege';
    end $$;
    create event trigger no_extensions on ddl_command_start when tag in ('CREATE EXTENSION')
      execute function refuse_extensions();`);
  await db.end();
  handle = createDb(url, { max: 2 });
});
afterAll(async () => {
  await handle.close();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe("migrating without pg_trgm", () => {
  it("completes, leaves out only the trigram index, and learner search still works", async () => {
    await migrateDatabase(url);
    const extensions = await handle.sql<{ extname: string }[]>`select extname from pg_extension`;
    expect(extensions.map((e) => e.extname)).not.toContain("pg_trgm");
    const indexes = (
      await handle.sql<{ indexname: string }[]>`
      select indexname from pg_indexes where tablename = 'users'`
    ).map((r) => r.indexname);
    expect(indexes).toContain("users_email_lower_idx");
    expect(indexes).not.toContain("users_search_trgm_idx");

    await handle.db.insert(users).values([
      { userName: "anne", email: "anne@company.com", firstName: "Anne", lastName: "Hansen" },
      { userName: "bo", email: "bo@company.com", firstName: "Bo", lastName: "Berg" },
    ]);
    expect((await searchLearners(handle.db, "hansen", 10)).map((l) => l.userName)).toEqual(["anne"]);
    expect((await searchLearners(handle.db, "", 10)).map((l) => l.userName).sort()).toEqual(["anne", "bo"]);
  });
});
