// A receiver for LMS Sync completions: one file, Node 20 or later.
//   node receiver.mjs                 (listens on http://0.0.0.0:8080; PORT changes the port)
// When the integration holds its receiver's JSON Schema (CONFIG.schema below), each payload is checked against all
// of it with Ajv; install it next to this file first:
//   npm install ajv@8.20.0 ajv-formats@2.1.1
// Without a schema it needs nothing but Node, and checks that the payload has the required keys.
// Secrets come from the environment, never from this file:
//   RECEIVER_API_KEY, RECEIVER_BEARER_TOKEN, RECEIVER_BASIC_USER + RECEIVER_BASIC_PASSWORD, RECEIVER_SIGNING_SECRET,
//   and RECEIVER_HEADER_<NAME> for each secret header (X-Tenant-Key: RECEIVER_HEADER_X_TENANT_KEY), checked when set.
// For HTTPS set TLS_CERT_FILE and TLS_KEY_FILE (PEM), or put it behind your usual TLS proxy.
// It checks the credential (and the Standard Webhooks signature when signing is on), checks the payload (400 with
// each problem's key and reason), keeps each Idempotency-Key once, and answers 200. Replace `store` with what your
// system does with a completion.

import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";

// <config> Filled in from the integration's settings when downloaded.
const CONFIG = {
  integration: "Example",
  auth: "api_key",
  apiKeyHeader: "X-API-Key",
  signed: false,
  secretHeaders: [],
  requiredKeys: ["employeeId", "courseName", "completedOn"],
  schema: null,
};
// </config>

const env = process.env;
const seenKeys = new Set();
const TOLERANCE_SECONDS = 5 * 60;

function sameText(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why the credential is refused, or null. */
function credentialProblem(headers) {
  switch (CONFIG.auth) {
    case "api_key": {
      const sent = headers[CONFIG.apiKeyHeader.toLowerCase()];
      if (!env.RECEIVER_API_KEY) return "RECEIVER_API_KEY is not set on the receiver";
      return sent && sameText(sent, env.RECEIVER_API_KEY) ? null : `wrong or missing ${CONFIG.apiKeyHeader}`;
    }
    case "bearer": {
      // A token from a login or OAuth2 endpoint: check it as your identity provider says (here: one fixed token).
      const sent = /^Bearer (.+)$/i.exec(headers.authorization ?? "")?.[1];
      if (!env.RECEIVER_BEARER_TOKEN) return "RECEIVER_BEARER_TOKEN is not set on the receiver";
      return sent && sameText(sent, env.RECEIVER_BEARER_TOKEN) ? null : "wrong or missing bearer token";
    }
    case "basic": {
      const encoded = /^Basic (.+)$/i.exec(headers.authorization ?? "")?.[1];
      const pair = encoded ? Buffer.from(encoded, "base64").toString("utf8") : "";
      const expected = `${env.RECEIVER_BASIC_USER ?? ""}:${env.RECEIVER_BASIC_PASSWORD ?? ""}`;
      if (!env.RECEIVER_BASIC_USER || !env.RECEIVER_BASIC_PASSWORD) {
        return "RECEIVER_BASIC_USER and RECEIVER_BASIC_PASSWORD are not set on the receiver";
      }
      return sameText(pair, expected) ? null : "wrong or missing user name or password";
    }
    default:
      // "none", or a client certificate, which TLS checks before a request arrives.
      return null;
  }
}

/** Why a secret header is refused, or null: each one whose RECEIVER_HEADER_<NAME> is set must carry that value. */
function secretHeaderProblem(headers) {
  for (const name of CONFIG.secretHeaders) {
    const expected = env[`RECEIVER_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`];
    const sent = headers[name.toLowerCase()];
    if (expected && !(sent && sameText(sent, expected))) return `wrong or missing ${name}`;
  }
  return null;
}

/** Why the Standard Webhooks signature is refused, or null. */
function signatureProblem(headers, body) {
  if (!CONFIG.signed) return null;
  const secret = env.RECEIVER_SIGNING_SECRET;
  if (!secret) return "RECEIVER_SIGNING_SECRET is not set on the receiver";
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  const signatures = String(headers["webhook-signature"] ?? "").split(" ");
  if (!id || !Number.isInteger(timestamp)) return "missing webhook-id or webhook-timestamp";
  if (Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS)
    return "webhook-timestamp is too old or too new";
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64");
  return signatures.some((s) => s.startsWith("v1,") && sameText(s.slice(3), mac))
    ? null
    : "the signature does not match";
}

/** The required keys the payload lacks (a dot in a key means a nested object). */
function missingKeys(payload) {
  return CONFIG.requiredKeys.filter((key) => {
    let value = payload;
    for (const part of key.split(".")) {
      if (value === null || typeof value !== "object" || !(part in value)) return true;
      value = value[part];
    }
    return false;
  });
}

/** The schema's validator (Ajv for the draft its $schema names, with formats), or null when there is no schema. */
function schemaValidator(schema) {
  if (!schema) return null;
  const require = createRequire(import.meta.url);
  const draft = String(schema.$schema ?? "");
  const ajvModule = draft.includes("2020-12")
    ? "ajv/dist/2020"
    : draft.includes("2019-09")
      ? "ajv/dist/2019"
      : "ajv";
  let Ajv;
  let addFormats;
  try {
    Ajv = require(ajvModule).default;
    addFormats = require("ajv-formats").default;
  } catch (error) {
    if (error?.code !== "MODULE_NOT_FOUND") throw error;
    console.error(
      "This receiver checks payloads against the schema with Ajv. Install it next to receiver.mjs:",
    );
    console.error("  npm install ajv@8.20.0 ajv-formats@2.1.1");
    process.exit(1);
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = schemaValidator(CONFIG.schema);

/** The key an Ajv error is about, dotted as in the payload ("employee.id", list items "[0]"). */
function keyOf(payload, error) {
  let key = "";
  let value = payload;
  for (const raw of error.instancePath.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    key = Array.isArray(value) ? `${key}[${part}]` : key ? `${key}.${part}` : part;
    value = value?.[part];
  }
  const { missingProperty, additionalProperty, unevaluatedProperty } = error.params;
  const name = missingProperty ?? additionalProperty ?? unevaluatedProperty;
  if (name !== undefined) key = key ? `${key}.${name}` : name;
  return key || "(payload)";
}

/** What in the payload breaks the schema: each problem's key and reason. */
function schemaProblems(payload) {
  if (validate(payload)) return [];
  return validate.errors.map((error) => ({
    key: keyOf(payload, error),
    reason:
      error.keyword === "required"
        ? "missing: the schema requires this key"
        : error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties"
          ? "not expected: the schema allows no other keys here"
          : error.message,
  }));
}

function store(payload, idempotencyKey) {
  console.log(`[${CONFIG.integration}] received ${idempotencyKey}:`, JSON.stringify(payload));
}

function answer(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function handle(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const refused =
    credentialProblem(req.headers) ?? secretHeaderProblem(req.headers) ?? signatureProblem(req.headers, body);
  if (refused) return answer(res, 401, { error: refused });
  // LMS Sync's Test connection sends a GET: the credential is checked, nothing is stored.
  if (req.method === "GET") return answer(res, 200, { ok: true });
  if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
  let payload;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return answer(res, 400, { error: "the body is not JSON" });
  }
  if (validate) {
    const problems = schemaProblems(payload);
    if (problems.length > 0) return answer(res, 400, { error: "the payload breaks the schema", problems });
  } else {
    const missing = missingKeys(payload);
    if (missing.length > 0) return answer(res, 400, { error: `missing keys: ${missing.join(", ")}` });
  }
  const key = req.headers["idempotency-key"] ?? "";
  if (key && seenKeys.has(key)) return answer(res, 200, { received: true, duplicate: true });
  store(payload, key);
  if (key) seenKeys.add(key);
  return answer(res, 200, { received: true });
}

const onRequest = (req, res) => {
  handle(req, res).catch((error) => answer(res, 500, { error: String(error) }));
};
const server =
  env.TLS_CERT_FILE && env.TLS_KEY_FILE
    ? https.createServer(
        { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) },
        onRequest,
      )
    : http.createServer(onRequest);
server.listen(Number(env.PORT ?? 8080), env.HOST ?? "0.0.0.0", () => {
  const { port } = server.address();
  console.log(`Receiver for LMS Sync (${CONFIG.integration}) listening on port ${port}`);
});
