import { createDb, type DbHandle } from "../../db/client";

let handle: DbHandle | undefined;

/** The e2e stack's database, for seeding through db/ and lib/ helpers rather than the UI. */
export function e2eDb(): DbHandle {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the e2e global setup did not run");
  handle ??= createDb(url, { max: 2 });
  return handle;
}
