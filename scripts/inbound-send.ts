// npm run inbound:send -- --url <source URL> (--secret whsec_… | --token lms_…) [--file batch.json] — send a JSON
// body to an inbound source as an external system would: signed by Standard Webhooks with the source's secret, or
// with an API token that has the inbound scope. Reads the body from --file, else from stdin; prints the reply.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { signMessage } from "@/lib/inbound/verify-signature";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    secret: { type: "string" },
    token: { type: "string" },
    file: { type: "string" },
    id: { type: "string" },
  },
});
if (!values.url || Boolean(values.secret) === Boolean(values.token)) {
  console.error(
    "Usage: npm run inbound:send -- --url http://localhost:3000/api/inbound/<source id> (--secret whsec_… | --token lms_…) [--file batch.json] [--id msg_…]",
  );
  process.exit(2);
}
const body = readFileSync(values.file ?? 0);
const headers: Record<string, string> = { "content-type": "application/json" };
if (values.secret) {
  const id = values.id ?? `msg_${randomUUID()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  Object.assign(headers, {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signMessage(values.secret, id, timestamp, body),
  });
} else {
  headers.authorization = `Bearer ${values.token}`;
}
const response = await fetch(values.url, { method: "POST", headers, body });
console.log(`HTTP ${response.status}`);
console.log(await response.text());
process.exitCode = response.ok ? 0 : 1;
