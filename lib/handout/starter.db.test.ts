import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as starterRoute } from "@/app/api/integrations/[id]/handout/starter/route";
import { POST as turnOnSigning } from "@/app/api/integrations/[id]/signing/route";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { schemaFromMapping } from "@/lib/contract/generate-schema";
import { signMessage } from "@/lib/inbound/verify-signature";
import type { CreateIntegrationInput } from "@/lib/integrations/schemas";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { runSync } from "@/lib/sync/run-sync";
import { addTestIntegration, RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { STARTER_FILE_NAMES, type StarterLanguage } from "./model";

// The receiver starters run as real processes, and a real sync sends to them: what IT gets must work as downloaded.

const bed = syncTestBed();
const dir = mkdtempSync(path.join(tmpdir(), "lms-starter-"));
const children: ChildProcess[] = [];
let viewerToken: string;
let adminToken: string;

const runs = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const hasPython = runs("python3", ["--version"]);
// The Python starter checks a schema in full only with the jsonschema package (not on every Debian CI machine).
const hasJsonschema = hasPython && runs("python3", ["-c", "import jsonschema"]);
if (hasPython && !hasJsonschema)
  console.warn("python3 has no jsonschema: the Python starter's full-schema check is not asserted here");

/**
 * Downloads the integration's starter and runs it on a free port with `env`; resolves with its URL. Node resolves
 * Ajv from the project's node_modules, as from IT's `npm install`; `pythonFlags` ["-S"] hides installed packages.
 */
async function startStarter(
  id: string,
  language: StarterLanguage,
  env: Record<string, string>,
  pythonFlags: string[] = [],
) {
  const download = await callRoute(starterRoute, {
    token: viewerToken,
    path: `/api/integrations/${id}/handout/starter?language=${language}`,
    params: { id },
  });
  expect(download.status).toBe(200);
  const file = path.join(dir, `${id}-${STARTER_FILE_NAMES[language]}`);
  writeFileSync(file, download.text);
  const [command, args] =
    language === "node" ? [process.execPath, [file]] : ["python3", [...pythonFlags, file]];
  const child = spawn(command, args, {
    // Only what a receiver needs: nothing of this process's environment (its secrets) reaches the starter.
    env: {
      NODE_ENV: "production",
      NODE_PATH: path.join(process.cwd(), "node_modules"),
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const m = /listening on port (\d+)/.exec(output.join(""));
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`the starter exited (${code}): ${output.join("")}`)));
  });
  return { url: `http://127.0.0.1:${port}/completions`, output, source: download.text };
}

async function integrationAt(url: string, settings: Partial<CreateIntegrationInput>) {
  const { integrationId } = await addTestIntegration(bed.t.db, {
    endpointUrl: url,
    sendFrom: new Date(Date.now() - 365 * 86_400_000),
    ...settings,
  });
  return integrationId;
}

const statuses = async (id: string) =>
  (
    await bed.t.sql<{ status: number | null }[]>`select status from sync_log where integration_id = ${id}`
  ).map((r) => r.status);

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  ({ viewerToken, adminToken } = await createApiUsers(bed.t));
  await seedSyncFixture(bed.t.db, { endpointUrl: "https://unused.example.com/", completions: 3 });
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

const languages: StarterLanguage[] = hasPython ? ["node", "python"] : ["node"];

describe.each(languages)("the %s receiver starter", (language) => {
  it("accepts a real sync with the API key in the configured header and refuses a wrong key or secret header", async () => {
    const tenant = { "X-Tenant-Key": "tenant-value-3f9a" };
    const settings = { authConfig: { headerName: "X-HR-Key" }, secretHeaders: tenant };
    const template = await integrationAt("http://127.0.0.1:9/", settings);
    const receiver = await startStarter(template, language, {
      RECEIVER_API_KEY,
      RECEIVER_HEADER_X_TENANT_KEY: "tenant-value-3f9a",
    });
    expect(receiver.source).toMatch(/"apiKeyHeader": "X-HR-Key"/);
    expect(receiver.source).toMatch(/"secretHeaders": \[\s*"X-Tenant-Key"\s*\]/);
    for (const secret of [RECEIVER_API_KEY, "tenant-value-3f9a"])
      expect(receiver.source).not.toContain(secret);

    const good = await integrationAt(receiver.url, settings);
    const run = await runSync(bed.t.db, good, "manual");
    expect(run).toMatchObject({ sent: 3, succeeded: 3, failed: 0 });
    expect(await statuses(good)).toEqual([200, 200, 200]);
    expect(receiver.output.join("")).toMatch(/received [0-9a-f-]{36}: \{"employeeId"/);

    const wrongKey = await integrationAt(receiver.url, {
      ...settings,
      secrets: { apiKey: "not-the-receivers-key-123" },
    });
    const wrongHeader = await integrationAt(receiver.url, {
      ...settings,
      secretHeaders: { "X-Tenant-Key": "other" },
    });
    for (const id of [wrongKey, wrongHeader]) {
      expect(await runSync(bed.t.db, id, "manual")).toMatchObject({ sent: 3, succeeded: 0 });
      expect(await statuses(id)).toEqual([401, 401, 401]);
    }
  });

  it("checks the Standard Webhooks signature when signing is on, and the payload's required keys", async () => {
    const id = await integrationAt("http://127.0.0.1:9/", {
      authType: "basic",
      authConfig: { username: "lms" },
      secrets: { password: "basic-pass-123" },
    });
    const on = await callRoute(turnOnSigning, { token: adminToken, params: { id }, body: {} });
    expect(on.status).toBe(201);
    const env = { RECEIVER_BASIC_USER: "lms", RECEIVER_BASIC_PASSWORD: "basic-pass-123" };
    const receiver = await startStarter(id, language, {
      ...env,
      RECEIVER_SIGNING_SECRET: on.body.signingSecret,
    });
    await bed.t.sql`update integrations set endpoint_url = ${receiver.url} where id = ${id}`;
    expect(await runSync(bed.t.db, id, "manual")).toMatchObject({ sent: 3, succeeded: 3, failed: 0 });

    // Signed with another secret: refused, though the password is right.
    const otherSecret = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;
    const strict = await startStarter(id, language, { ...env, RECEIVER_SIGNING_SECRET: otherSecret });
    const refused = await fetch(strict.url, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("lms:basic-pass-123").toString("base64")}`,
        "webhook-id": "msg_1",
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,bm90IGEgc2lnbmF0dXJl",
      },
      body: "{}",
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "the signature does not match" });

    // A real sync signed with a secret the receiver was not given: every delivery refused.
    const basic = {
      authType: "basic",
      authConfig: { username: "lms" },
      secrets: { password: "basic-pass-123" },
    } as const;
    const other = await integrationAt(strict.url, basic);
    expect(
      (await callRoute(turnOnSigning, { token: adminToken, params: { id: other }, body: {} })).status,
    ).toBe(201);
    expect(await runSync(bed.t.db, other, "manual")).toMatchObject({ sent: 3, succeeded: 0 });
    expect(await statuses(other)).toEqual([401, 401, 401]);

    // Rightly signed, but without the mapping's keys: 400 naming them.
    const body = JSON.stringify({ employeeId: "alex.example@example.com" });
    const timestamp = Math.floor(Date.now() / 1000);
    const incomplete = await fetch(receiver.url, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("lms:basic-pass-123").toString("base64")}`,
        "webhook-id": "msg_2",
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signMessage(on.body.signingSecret, "msg_2", timestamp, body),
      },
      body,
    });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toEqual({
      error: "missing keys: courseName, completedOn, score, status, organisation",
    });
  });

  const schema = schemaFromMapping(STANDARD_MAPPING);
  /** Passes the generated schema but for `score` (a text) and `grade` (a key the schema does not allow). */
  const breaking = JSON.stringify({
    employeeId: "alex.example@example.com",
    courseName: "Fire safety",
    completedOn: "2026-04-11T14:32:00Z",
    score: "high",
    status: "passed",
    organisation: null,
    grade: "A",
  });
  const post = (url: string, body: string) =>
    fetch(url, { method: "POST", headers: { "X-API-Key": RECEIVER_API_KEY }, body });

  it.skipIf(language === "python" && !hasJsonschema)(
    "checks each payload against the integration's whole JSON Schema: a real sync gets 200s, a breaking payload a 400 at its keys",
    async () => {
      const template = await integrationAt("http://127.0.0.1:9/", { receiverSchema: schema });
      const receiver = await startStarter(template, language, { RECEIVER_API_KEY });
      expect(receiver.source).toMatch(/"additionalProperties": (false|False)/);
      if (language === "node") {
        const pins = JSON.parse(readFileSync("package.json", "utf8")).dependencies;
        expect(receiver.source).toContain(`npm install ajv@${pins.ajv} ajv-formats@${pins["ajv-formats"]}`);
      }

      const id = await integrationAt(receiver.url, { receiverSchema: schema });
      expect(await runSync(bed.t.db, id, "manual")).toMatchObject({ sent: 3, succeeded: 3, failed: 0 });
      expect(await statuses(id)).toEqual([200, 200, 200]);

      const refused = await post(receiver.url, breaking);
      expect(refused.status).toBe(400);
      const answer = await refused.json();
      expect(answer.error).toBe("the payload breaks the schema");
      expect(answer.problems).toHaveLength(2);
      expect(answer.problems).toEqual(
        expect.arrayContaining([
          { key: "score", reason: expect.stringMatching(/number/) },
          { key: "grade", reason: "not expected: the schema allows no other keys here" },
        ]),
      );
      expect(receiver.output.join("")).not.toContain('"grade"');
      expect(receiver.output.join("")).not.toContain("jsonschema");
    },
  );

  it.runIf(language === "python")(
    "without the jsonschema package checks the required keys and says once what full validation needs",
    async () => {
      const id = await integrationAt("http://127.0.0.1:9/", { receiverSchema: schema });
      const receiver = await startStarter(id, language, { RECEIVER_API_KEY }, ["-S"]);
      expect(receiver.output.join("").match(/pip install jsonschema/g)).toHaveLength(1);
      expect((await post(receiver.url, breaking)).status).toBe(200);
      const incomplete = await post(receiver.url, JSON.stringify({ employeeId: "alex.example@example.com" }));
      expect(incomplete.status).toBe(400);
      expect(await incomplete.json()).toEqual({
        error: "missing keys: courseName, completedOn, score, status, organisation",
      });
    },
  );
});
