// npm run bench:login
// What a refused sign-in costs for an e-mail that exists (wrong password) against one that does not: equal times
// mean an attacker cannot tell which e-mails have accounts. Prints the ratio unknown / known (1.00 is ideal).
import { insertAppUser } from "../db/queries/app-users";
import { hashPassword } from "../lib/auth/password";
import { medianMs, runBench, withBenchDatabase } from "./bench/database";

runBench(() =>
  withBenchDatabase("login", async (h, _dataDir, url) => {
    process.env.DATABASE_URL = url;
    const { checkCredentials } = await import("../lib/auth/options");
    await insertAppUser(h.db, {
      email: "known@example.com",
      name: "Known",
      role: "admin",
      passwordHash: await hashPassword("the right password"),
    });
    // The part of a sign-in that differs by e-mail: looking the account up and checking the password.
    const attempt = (email: string) => () => checkCredentials(email, "a wrong password");
    const known = await medianMs(attempt("known@example.com"), 15);
    const unknown = await medianMs(attempt(`nobody-${Date.now()}@example.com`), 15);
    console.log(`refused sign-in, known e-mail (wrong password): ${known.toFixed(1)} ms (median of 15)`);
    console.log(`refused sign-in, unknown e-mail:              ${unknown.toFixed(1)} ms (median of 15)`);
    console.log(
      `ratio unknown / known: ${(unknown / known).toFixed(2)} (baseline: the known e-mail, same run)`,
    );
  }),
);
