import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** The pool, with its postgres.js client (`$client`) for the few statements that must be prepared once and reused. */
export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
/** A transaction handle; query functions take `Db | Tx` so transactions compose. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; sql: postgres.Sql; close: () => Promise<void> };

/** Opens a pool on `url`. postgres-js reconnects by itself after a server restart. */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: process.env.LMS_SYNC_PROCESS ?? "lms-sync" },
  });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const preparedHandles = new WeakMap<postgres.Sql, Db>();

/**
 * A handle on the pool, or on one `connection` of it (a transaction's), whose statements postgres.js prepares, once per
 * connection. Drizzle asks for unnamed statements, and for those postgres.js first asks the server for the
 * parameters' types: two round trips per statement, where a prepared one takes one, and statements sent together
 * share it. For the sync's statements, whose texts are fixed: each distinct text stays prepared on each connection.
 */
export function preparedDb(pool: postgres.Sql, connection?: postgres.TransactionSql): Db {
  // Drizzle takes a pool's type; of what a pool has and a transaction's connection lacks, it reads only `options`,
  // which the proxy below supplies.
  const client = (connection as postgres.Sql | undefined) ?? pool;
  let db = preparedHandles.get(client);
  if (!db) {
    const preparing = new Proxy(client, {
      get: (target, key, receiver) => {
        if (key === "unsafe") {
          return (
            query: string,
            params?: postgres.ParameterOrJSON<never>[],
            options?: postgres.UnsafeQueryOptions,
          ) => target.unsafe(query, params, { ...options, prepare: true });
        }
        // A transaction's connection has no options of its own: the pool's type parsers apply.
        if (key === "options") return pool.options;
        return Reflect.get(target, key, receiver);
      },
    });
    db = drizzle(preparing, { schema, casing: "snake_case" });
    preparedHandles.set(client, db);
  }
  return db;
}

let shared: DbHandle | undefined;

/** The process-wide pool on `DATABASE_URL`. */
export function getDb(): Db {
  return getDbHandle().db;
}

export function getDbHandle(): DbHandle {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    shared = createDb(url);
  }
  return shared;
}
