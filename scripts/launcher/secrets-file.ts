import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = { APP_SECRET_KEY: string; NEXTAUTH_SECRET: string; DEMO_RECEIVER_API_KEY: string };

/** Secrets that must survive restarts (encryption key, session secret), generated once into the data folder, mode 0600. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    APP_SECRET_KEY: existing.APP_SECRET_KEY ?? randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: existing.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    DEMO_RECEIVER_API_KEY: existing.DEMO_RECEIVER_API_KEY ?? `demo_${randomBytes(18).toString("base64url")}`,
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return secrets;
}
