import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { appUsers } from "../schema";
import { type LmsSeedCounts, seedLmsData } from "./lms-data";

export type DemoAccount = { email: string; password: string; name: string; role: "admin" | "viewer" };
export type DemoSeedOptions = {
  accounts: readonly DemoAccount[];
  hashPassword: (password: string) => Promise<string>;
  /** Creates the demo integration; lives in lib/ because it encrypts the receiver's API key. */
  createDemoIntegration: (db: Db, adminId: string) => Promise<void>;
};

/** Whether the database has never been seeded (no app users yet). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUsers);
  return (row?.n ?? 0) === 0;
}

/** Fills an empty database with the demo: LMS data, demo logins and one integration pointed at the demo receiver. */
export async function seedDemo(db: Db, options: DemoSeedOptions): Promise<LmsSeedCounts> {
  return db.transaction(async (tx) => {
    const counts = await seedLmsData(tx);
    let adminId = "";
    for (const a of options.accounts) {
      const [row] = await tx
        .insert(appUsers)
        .values({
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash: await options.hashPassword(a.password),
        })
        .returning();
      if (a.role === "admin" && !adminId) adminId = row!.id;
    }
    await options.createDemoIntegration(tx as unknown as Db, adminId);
    return counts;
  });
}
