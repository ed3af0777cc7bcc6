import { describe, expect, it } from "vitest";
import { friendlyIssue, settingsFormSchema } from "./form-schema";
import {
  dirtyInput,
  isFormPath,
  newIntegrationValues,
  type SettingsFormValues,
  toApiInput,
  toFormValues,
  toLocalInput,
} from "./form-values";

function newIntegrationValuesSource() {
  return {
    name: "HR",
    endpointUrl: "https://hr.example.com/in",
    authType: "api_key" as const,
    authConfig: {},
    successCodes: "2xx",
    timeoutMs: 30_000,
    customHeaders: {},
    scheduleCron: "0 2 * * *",
    scheduleTimeZone: "UTC",
    retrySchedule: [60],
    failureThreshold: 10,
    concurrency: 4,
    syncOnCompletion: false,
    syncDebounceSeconds: 10,
    resendOnUpdate: false,
    notificationEmails: [],
  };
}

function filled(overrides: Partial<SettingsFormValues> = {}): SettingsFormValues {
  return {
    ...newIntegrationValues("Europe/Copenhagen"),
    name: "HR",
    endpointUrl: "https://hr.example.com/in",
    secrets: { apiKey: "k-123" },
    ...overrides,
  };
}

function issues(values: SettingsFormValues, stored: string[] = [], isProduction = false) {
  const r = settingsFormSchema(stored, isProduction).safeParse(values, { error: friendlyIssue });
  // First message per field, as zodResolver shows it.
  return r.success
    ? {}
    : Object.fromEntries(r.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
}

describe("newIntegrationValues", () => {
  it("starts from the shared schema's defaults", () => {
    const v = newIntegrationValues("Europe/Copenhagen");
    expect(v).toMatchObject({
      authType: "api_key",
      successCodes: "2xx",
      timeoutMs: 30_000,
      scheduleCron: "0 2 * * *",
      scheduleTimeZone: "Europe/Copenhagen",
      retrySchedule: [60, 300, 1800],
      failureThreshold: 10,
      concurrency: 4,
      syncOnCompletion: false,
      syncDebounceSeconds: 10,
      resendOnUpdate: false,
      sendFrom: "",
    });
    expect(Object.values(v.secrets).every((s) => s === "")).toBe(true);
    expect(v.authConfig.headerName).toBe("X-API-Key");
  });
});

describe("toApiInput", () => {
  it("keeps only the chosen auth type's settings and drops blanks", () => {
    const input = toApiInput(
      filled({
        authType: "basic",
        authConfig: { ...filled().authConfig, username: " svc ", headerName: "X-Key", useClientCert: true },
        testUrl: "  ",
        customHeaders: [
          { name: " X-Tenant ", value: "acme" },
          { name: "", value: "" },
        ],
        notificationEmails: ["it@example.com", " "],
        secrets: { password: "pw", apiKey: "" },
      }),
    );
    expect(input.authConfig).toEqual({ username: "svc", useClientCert: true });
    expect(input.testUrl).toBeNull();
    expect(input.customHeaders).toEqual({ "X-Tenant": "acme" });
    expect(input.notificationEmails).toEqual(["it@example.com"]);
    expect(input.secrets).toEqual({ password: "pw" });
    expect("sendFrom" in input).toBe(false);
  });

  it("sends the send-from time as an instant and a removed secret as null", () => {
    const input = toApiInput(filled({ sendFrom: "2026-04-01T08:30", secrets: { clientCertPfx: null } }));
    expect(input.sendFrom).toBe(new Date("2026-04-01T08:30").toISOString());
    expect(input.secrets).toEqual({ clientCertPfx: null });
  });

  it("round-trips an integration through the form unchanged", () => {
    const source = {
      name: "HR",
      endpointUrl: "https://hr.example.com/in",
      testUrl: "https://test.example.com/in",
      authType: "oauth2" as const,
      authConfig: {
        tokenUrl: "https://id.example.com/token",
        clientId: "lms",
        clientAuthMethod: "client_secret_post" as const,
      },
      caBundlePem: null,
      successCodes: "200-299",
      timeoutMs: 12_000,
      customHeaders: { "X-Tenant": "acme" },
      scheduleCron: "*/5 * * * *",
      scheduleTimeZone: "UTC",
      retrySchedule: [30, 600],
      failureThreshold: 5,
      concurrency: 2,
      syncOnCompletion: true,
      syncDebounceSeconds: 120,
      resendOnUpdate: true,
      notificationEmails: ["it@example.com"],
      sendFrom: new Date("2026-04-01T08:30:00Z"),
    };
    const { sendFrom, ...rest } = toApiInput(toFormValues(source));
    const { sendFrom: _, ...expected } = source;
    expect(rest).toEqual(expected);
    expect(sendFrom).toBe("2026-04-01T08:30:00.000Z");
  });
});

describe("secret headers in the form", () => {
  it("send a typed value, null for a removed stored one, and nothing for an untouched stored one", () => {
    const values = filled({
      secrets: {},
      secretHeaders: [
        { name: "X-Kept", value: "", isStored: true, isRemoved: false },
        { name: "X-Gone", value: "", isStored: true, isRemoved: true },
        { name: "X-Replaced", value: "new-value", isStored: true, isRemoved: false },
        { name: " X-New ", value: "v-1", isStored: false, isRemoved: false },
        { name: "", value: "", isStored: false, isRemoved: false },
      ],
    });
    const input = toApiInput(values);
    expect(input.secretHeaders).toEqual({ "X-Gone": null, "X-Replaced": "new-value", "X-New": "v-1" });
    expect(dirtyInput(input, {})).toEqual({ secretHeaders: input.secretHeaders });
    expect("secretHeaders" in toApiInput(filled({ secrets: {} }))).toBe(false);
  });

  it("start from the stored names, never a value", () => {
    const v = toFormValues({
      ...newIntegrationValuesSource(),
      secretHeaders: { "X-Tenant-Key": { set: true, changedAt: "2026-01-01T00:00:00Z" } },
    });
    expect(v.secretHeaders).toEqual([{ name: "X-Tenant-Key", value: "", isStored: true, isRemoved: false }]);
  });
});

describe("dirtyInput", () => {
  const input = toApiInput(filled({ secrets: {}, name: "HR 2", scheduleTimeZone: "UTC" }));

  it("sends only the fields the admin changed, never the untouched ones", () => {
    expect(dirtyInput(input, { name: true })).toEqual({ name: "HR 2" });
    expect(dirtyInput(input, { scheduleTimeZone: true, name: false })).toEqual({ scheduleTimeZone: "UTC" });
    expect(dirtyInput(input, { retrySchedule: [false, true] })).toEqual({ retrySchedule: [60, 300, 1800] });
    expect(dirtyInput(input, { customHeaders: [{ name: false, value: false }] })).toEqual({});
  });

  it("sends an auth type with its settings, and a typed or removed secret", () => {
    const bearer = toApiInput(filled({ authType: "bearer", secrets: { token: "t" } }));
    expect(dirtyInput(bearer, { authType: true })).toEqual({
      authType: "bearer",
      authConfig: {},
      secrets: { token: "t" },
    });
    expect(dirtyInput(bearer, { authConfig: { username: true } })).toEqual({
      authConfig: {},
      secrets: { token: "t" },
    });
    expect(dirtyInput(toApiInput(filled({ secrets: { apiKey: "" } })), {})).toEqual({});
  });
});

describe("the form schema", () => {
  it("accepts a complete API-key integration", () => {
    expect(issues(filled())).toEqual({});
  });

  it("puts the shared schema's messages on the form's own field names", () => {
    const found = issues(
      filled({
        endpointUrl: "not a url",
        timeoutMs: Number.NaN,
        retrySchedule: [60, 0],
        notificationEmails: ["nope"],
        customHeaders: [{ name: "Bad Name", value: "x" }],
      }),
    );
    expect(found.endpointUrl).toMatch(/full URL/);
    expect(found.timeoutMs).toBe("Enter a number");
    expect(found["retrySchedule.1"]).toBe("At least 1 second");
    expect(found["notificationEmails.0"]).toBe("Not an e-mail address");
    expect(found["customHeaders.Bad Name"]).toMatch(/Header names may only contain/);
    for (const path of Object.keys(found)) expect(isFormPath(path)).toBe(true);
  });

  it("keeps the wait of sync on completion between 1 and 300 seconds, and sends the two options as set", () => {
    expect(issues(filled({ syncDebounceSeconds: 0 })).syncDebounceSeconds).toBe("At least 1 second");
    expect(issues(filled({ syncDebounceSeconds: 301 })).syncDebounceSeconds).toBe(
      "At most 300 seconds (5 minutes)",
    );
    expect(issues(filled({ syncDebounceSeconds: 300 }))).toEqual({});
    const input = toApiInput(
      filled({ syncOnCompletion: true, syncDebounceSeconds: 30, resendOnUpdate: true }),
    );
    expect(input).toMatchObject({ syncOnCompletion: true, syncDebounceSeconds: 30, resendOnUpdate: true });
    // Only the option changed is sent: the other two keep what is stored.
    const { secrets: _typed, ...dirty } = dirtyInput(input, { resendOnUpdate: true });
    expect(dirty).toEqual({ resendOnUpdate: true });
  });

  it("checks the cron in its time zone and refuses reserved headers", () => {
    expect(issues(filled({ scheduleCron: "0 2 * *" })).scheduleCron).toMatch(/five fields/);
    expect(issues(filled({ customHeaders: [{ name: "Authorization", value: "x" }] }))).toEqual({
      "customHeaders.Authorization": expect.stringMatching(/set by LMS Sync itself/),
    });
  });

  it("asks for the auth type's settings and secret unless the secret is already stored", () => {
    const login = filled({ authType: "bearer_login", secrets: {} });
    expect(issues(login)).toEqual({
      "authConfig.loginUrl": "Enter the login URL",
      "authConfig.username": "Enter the username",
      "secrets.password": "Enter the password",
    });
    expect(issues(filled({ secrets: {} }), ["apiKey"])).toEqual({});
  });

  it("wants a certificate when one is presented and none is stored", () => {
    const cert = filled({ authType: "client_cert", secrets: {} });
    expect(issues(cert)["secrets.clientCertPfx"]).toMatch(/Upload the client certificate/);
    expect(issues(cert, ["clientCertPfx", "clientCertPassphrase"])).toEqual({});
    expect(issues({ ...cert, secrets: { clientCertPem: "-----BEGIN", clientKeyPem: "k" } })).toEqual({});
  });
});

describe("the form schema in production", () => {
  it("refuses a test-only auth type on the authType field", () => {
    const none = filled({ authType: "none", secrets: {} });
    expect(issues(none)).toEqual({});
    expect(issues(none, [], true)).toEqual({ authType: expect.stringMatching(/test setups only/) });
  });
});

describe("isFormPath and toLocalInput", () => {
  it("tells form fields from the rest", () => {
    expect(isFormPath("authConfig.username")).toBe(true);
    expect(isFormPath("mapping.0")).toBe(false);
    expect(isFormPath("")).toBe(false);
  });

  it("writes a local date-time input value", () => {
    expect(toLocalInput(new Date(2026, 3, 1, 8, 5))).toBe("2026-04-01T08:05");
    expect(toLocalInput("garbage")).toBe("");
  });
});
