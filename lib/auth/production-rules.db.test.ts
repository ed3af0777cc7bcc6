import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as receiveDemoDelivery } from "@/app/api/demo-receiver/route";
import { insertAppUser } from "@/db/queries/app-users";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { parseSettings, resetSettingsCache } from "@/lib/settings";
import { getActor } from "./actor";
import { createApiToken } from "./api-tokens";
import { authOptions } from "./options";
import { hashPassword } from "./password";

let t: TestDatabase;
const admin = DEMO_ACCOUNTS[0];

type Authorize = (
  credentials: Record<string, string>,
  request?: { headers: Record<string, string> },
) => Promise<{ email?: string | null } | null>;
const authorize: Authorize = (credentials) =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(
    credentials,
    { headers: { "x-forwarded-for": "192.0.2.10" } },
  );

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetSettingsCache();
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await insertAppUser(t.db, {
    email: admin.email,
    name: admin.name,
    role: "admin",
    passwordHash: await hashPassword(admin.password),
  });
  await insertAppUser(t.db, {
    email: "it@customer.example",
    name: "IT",
    role: "viewer",
    passwordHash: await hashPassword("a long real password"),
  });
});
afterEach(() => setEnv({ APP_ENV: undefined, DEMO_RECEIVER_API_KEY: undefined }));
afterAll(async () => {
  await t.drop();
});

describe("production rules", () => {
  it("production follows NODE_ENV unless APP_ENV says otherwise (next start always sets NODE_ENV=production)", () => {
    expect(parseSettings({ NODE_ENV: "production" }).isProduction).toBe(true);
    expect(parseSettings({ NODE_ENV: "production", APP_ENV: "demo" }).isProduction).toBe(false);
    expect(parseSettings({ NODE_ENV: "development", APP_ENV: "production" }).isProduction).toBe(true);
    expect(() => parseSettings({ PORT: "seventy" })).toThrow(/PORT/);
  });

  it("signs in with the right password only, and refuses demo logins in production", async () => {
    expect(await authorize({ email: admin.email, password: admin.password })).toMatchObject({
      email: admin.email,
    });
    expect(await authorize({ email: admin.email, password: "wrong" })).toBeNull();
    expect(await authorize({ email: "nobody@x.example", password: "x" })).toBeNull();
    setEnv({ APP_ENV: "production" });
    expect(await authorize({ email: admin.email, password: admin.password })).toBeNull();
    expect(await authorize({ email: "it@customer.example", password: "a long real password" })).toMatchObject(
      { email: "it@customer.example" },
    );
  });

  it("refuses the demo receiver in production even with the right key", async () => {
    const post = () =>
      receiveDemoDelivery(
        new Request("http://localhost/api/demo-receiver", {
          method: "POST",
          headers: { "x-api-key": "demo-key-0123456789abcdef" },
          body: "{}",
        }),
        { params: Promise.resolve({}) },
      );
    setEnv({ DEMO_RECEIVER_API_KEY: "demo-key-0123456789abcdef" });
    expect((await post()).status).toBe(202);
    setEnv({ APP_ENV: "production", DEMO_RECEIVER_API_KEY: "demo-key-0123456789abcdef" });
    expect((await post()).status).toBe(404);
  });

  it("refuses the demo accounts' API tokens in production, and keeps real ones working", async () => {
    const demo = await createApiToken(t.db, admin.email);
    const real = await createApiToken(t.db, "it@customer.example");
    if (!demo.ok || !real.ok) throw new Error("no token");
    const as = (token: string) =>
      getActor(
        new Request("http://localhost/api/integrations", { headers: { authorization: `Bearer ${token}` } }),
      );
    expect((await as(demo.token))?.email).toBe(admin.email);
    setEnv({ APP_ENV: "production" });
    expect(await as(demo.token)).toBeNull();
    expect((await as(real.token))?.email).toBe("it@customer.example");
  });
});
