// npm run secrets:rotate — re-encrypt every stored secret under APP_SECRET_KEY (old keys in APP_SECRET_KEYS_PREVIOUS).
import { createDb } from "@/db/client";
import { getKeyring } from "@/lib/crypto";
import { reencryptSigningSecrets } from "@/lib/inbound/rotate-keys";
import { rotateSecrets } from "@/lib/integrations/rotate-secrets";
import { parseSettings } from "@/lib/settings";
import { resolveDatabaseUrl } from "./launcher/local-database";
import { loadOrCreateSecrets } from "./launcher/secrets-file";

const settings = parseSettings(process.env);
if (!settings.APP_SECRET_KEY) {
  // The embedded default keeps its key in DATA_DIR/secrets.json.
  process.env.APP_SECRET_KEY = loadOrCreateSecrets(settings.DATA_DIR).APP_SECRET_KEY;
}
const keyring = getKeyring();
const database = await resolveDatabaseUrl();
const handle = createDb(database.url, { max: 2 });
try {
  const r = await rotateSecrets(handle.db, keyring);
  console.log(
    `re-encrypted ${r.secrets} secret(s) in ${r.integrations} integration(s) under key ${keyring.current.id}`,
  );
  for (const f of r.failures)
    console.error(`  could not read ${f.secret} of integration ${f.integrationId}: ${f.error}`);
  const inbound = await reencryptSigningSecrets(handle.db, keyring);
  console.log(`re-encrypted ${inbound.secrets} signing secret(s) in ${inbound.sources} inbound source(s)`);
  for (const f of inbound.failures)
    console.error(`  could not read a signing secret of inbound source ${f.sourceId}: ${f.error}`);
  if (r.failures.length + inbound.failures.length > 0) {
    console.error("Put the key those secrets were made with in APP_SECRET_KEYS_PREVIOUS and run again.");
    process.exitCode = 1;
  }
} finally {
  await handle.close();
  await database.stop();
}
