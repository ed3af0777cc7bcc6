import { describe, expect, it } from "vitest";
import { AUTH_TYPES, type AuthTypeName } from "@/lib/integrations/auth-types";
import { buildHandout } from "./build";
import { handoutMarkdown } from "./markdown";
import { handoutFacts } from "./test-facts";

const md = (over: Parameters<typeof handoutFacts>[0] = {}) =>
  handoutMarkdown(buildHandout(handoutFacts(over)));
/** The text of one `## ` section. */
const section = (text: string, title: string) => {
  const start = text.indexOf(`## ${title}`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf("\n## ", start + 3);
  return text.slice(start, end === -1 ? undefined : end);
};

describe("the IT handout in Markdown", () => {
  it("shows the receiver's JSON Schema, and whether LMS Sync holds back a payload that breaks it", () => {
    const jsonSchema = {
      type: "object",
      required: ["employeeId"],
      properties: { employeeId: { type: "string" } },
    };
    const checked = section(md({ jsonSchema, validatesBeforeSending: true }), "Payload");
    expect(checked).toContain(JSON.stringify(jsonSchema, null, 2));
    expect(checked).toContain("does not send one that breaks it");
    expect(section(md({ jsonSchema }), "Payload")).toContain("not checked against it before sending");
    expect(section(md(), "Payload")).toContain("no schema set for this integration");
  });

  it("has every section, with the live settings in them", () => {
    const text = md();
    expect(text.startsWith("# LMS Sync: HR system\n")).toBe(true);
    for (const title of [
      "Endpoint",
      "Authentication",
      "Outbound addresses",
      "Payload",
      "What your endpoint should answer",
      "Retries and automatic disabling",
      "The Idempotency-Key",
      "Signature",
      "Troubleshooting",
    ]) {
      section(text, title);
    }
    expect(section(text, "Endpoint")).toContain("`https://hr.example.com/api/completions`");
    expect(section(text, "Endpoint")).toContain("`https://test.hr.example.com/api/completions`");
    expect(section(text, "What your endpoint")).toMatch(/status in `2xx`.*\n.*waits 30 s/);
    expect(section(text, "Retries")).toContain("after 1 min, 5 min, 30 min");
    expect(section(text, "Retries")).toContain("After 10 failed attempts in a row");
    expect(section(text, "The Idempotency-Key")).toMatch(/Store the key/);
    expect(section(text, "Payload")).toContain("| `score` | no: left out when the LMS has no value |");
    expect(section(text, "Payload")).toContain("no schema set for this integration");
    expect(section(text, "Payload")).toContain('"employeeId": "alex.example@example.com"');
  });

  it("lists OUTBOUND_IPS, or says it is unset and shows the address this server connected from", () => {
    const listed = section(md(), "Outbound addresses");
    expect(listed).toContain("- `203.0.113.10`\n- `203.0.113.11`");
    expect(listed).toContain("allow 203.0.113.10 and 203.0.113.11");
    const unset = section(
      md({ outbound: { ips: [], observed: { localAddress: "192.0.2.7" } } }),
      "Outbound addresses",
    );
    expect(unset).toContain("OUTBOUND_IPS setting is not set");
    expect(unset).toContain("`192.0.2.7`: the local address of its connection, as this server sees it");
    expect(unset).not.toContain("203.0.113");
  });

  it("says per auth type how the credential travels and what IT must provide", () => {
    const expected: Record<AuthTypeName, RegExp[]> = {
      api_key: [/header `X-HR-Key`/, /- the API key/],
      bearer: [/Authorization: Bearer <token>/, /- the token/],
      bearer_login: [
        /POSTs JSON `\{"user": "…", "pass": "…"\}` to the login URL `https:\/\/hr\.example\.com\/login` as user `lms`/,
        /- the login URL\n- the username\n- the password/,
      ],
      basic: [/Authorization: Basic …` for the user `lms`/, /- the username\n- the password/],
      oauth2: [
        /client ID `lms-sync`, scope `completions\.write`/,
        /- the token URL\n- the client ID\n- the client secret/,
      ],
      client_cert: [/mutual TLS/, /- a client certificate and its key/],
      none: [/No credential is sent/, /What your IT must provide:\*\* nothing/],
    };
    for (const authType of AUTH_TYPES) {
      const text = section(
        md({
          authType,
          usesClientCert: authType === "client_cert",
          authConfig: {
            headerName: "X-HR-Key",
            username: "lms",
            loginUrl: "https://hr.example.com/login",
            usernameField: "user",
            passwordField: "pass",
            tokenUrl: "https://login.example.com/token",
            clientId: "lms-sync",
            scope: "completions.write",
          },
        }),
        "Authentication",
      );
      for (const pattern of expected[authType]) expect(text, authType).toMatch(pattern);
      if (authType !== "none") expect(text).toContain("through a safe channel");
    }
  });

  it("names secret headers and the client certificate beside another auth type", () => {
    const text = section(
      md({
        authType: "bearer",
        usesClientCert: true,
        clientCert: { subject: "CN=lms-sync", issuer: "CN=HR CA", validTo: "2027-05-01" },
        secretHeaderNames: ["X-Tenant-Secret"],
      }),
      "Authentication",
    );
    expect(text).toContain("also presents a client certificate");
    expect(text).toContain("subject `CN=lms-sync`, issued by `CN=HR CA`, valid until 2027-05-01");
    expect(text).toContain("- the value of the header `X-Tenant-Secret`");
  });

  it("describes the Standard Webhooks signature only when signing is on", () => {
    expect(section(md(), "Signature")).toContain("Requests are not signed");
    const on = section(md({ signing: true }), "Signature");
    expect(on).toContain("`webhook-signature`");
    expect(on).toContain("HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`");
    expect(on).toContain("equal to the Idempotency-Key");
  });

  it("puts this integration's own recent failures in the troubleshooting section", () => {
    const text = section(
      md({
        lastErrors: [
          {
            lastAt: "2026-11-30T08:00:00.000Z",
            count: 3,
            status: 400,
            what: "The receiver rejected the payload.",
          },
          { lastAt: "2026-11-29T08:00:00.000Z", count: 1, status: null, what: "No answer within 30 s." },
        ],
      }),
      "Troubleshooting",
    );
    expect(text).toContain("| 401 | The credential was not accepted |");
    expect(text).toContain("| 2026-11-30 08:00:00 UTC | 3 | HTTP 400 | The receiver rejected the payload. |");
    expect(text).toContain("| no answer | No answer within 30 s. |");
    expect(section(md(), "Troubleshooting")).toContain("No failures recorded");
  });

  it("keeps a payload that holds backticks inside its code fence", () => {
    const text = md({ example: { payload: { note: "```" }, fromCompletion: false } });
    expect(text).toContain('````json\n{\n  "note": "```"\n}\n````');
    expect(text).toContain("made up");
  });
});
