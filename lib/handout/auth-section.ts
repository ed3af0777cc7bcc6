// What the receiver's IT must provide for the integration's auth type, and how it arrives: from the auth descriptors
// (lib/integrations/auth-types.ts) and the non-secret settings. A secret is named, never shown.

import { AUTH, type AuthConfig, type AuthTypeName } from "@/lib/integrations/auth-types";
import { INTEGRATION_DEFAULTS } from "@/lib/integrations/limits";
import type { HandoutBlock, HandoutFacts } from "./model";

const code = (text: string) => `\`${text}\``;
const setting = (value: string | undefined, fallback = "not set yet") => (value ? code(value) : fallback);

/** How each auth type's credential travels: one line per fact, for IT. */
function howItIsSent(type: AuthTypeName, a: AuthConfig): string[] {
  switch (type) {
    case "api_key":
      return [
        `Every request carries the key in the header ${code(a.headerName || INTEGRATION_DEFAULTS.apiKeyHeaderName)}, as is.`,
      ];
    case "bearer":
      return ["Every request carries `Authorization: Bearer <token>`."];
    case "bearer_login":
      return [
        `LMS Sync first POSTs JSON ${code(`{"${a.usernameField || "username"}": "…", "${a.passwordField || "password"}": "…"}`)} to the login URL ${setting(a.loginUrl)} as user ${setting(a.username)}.`,
        "The reply must hold `access_token` (a string, or an object with `token` and `expires_in_seconds`); LMS Sync keeps the token until it expires and logs in again once after a 401.",
        "Every request then carries `Authorization: Bearer <token>`.",
      ];
    case "basic":
      return [`Every request carries \`Authorization: Basic …\` for the user ${setting(a.username)}.`];
    case "oauth2":
      return [
        `LMS Sync fetches a token by the OAuth2 client-credentials grant from ${setting(a.tokenUrl)}, client ID ${setting(a.clientId)}${a.scope ? `, scope ${code(a.scope)}` : ""}, sending the client secret ${a.clientAuthMethod === "client_secret_post" ? "in the form body (client_secret_post)" : "in an HTTP Basic header (client_secret_basic)"}.`,
        "The token is kept until `expires_in` runs out; every request carries `Authorization: Bearer <token>`.",
      ];
    case "client_cert":
      return [
        "LMS Sync presents a client certificate in the TLS handshake (mutual TLS); no header carries a credential.",
      ];
    case "none":
      return ["No credential is sent. This is for test setups only; production refuses it."];
    default: {
      const unknown: never = type;
      return [String(unknown)];
    }
  }
}

/** What IT must hand over (through a safe channel, never in this document). */
function whatToProvide(f: HandoutFacts): string[] {
  const auth = AUTH[f.authType];
  const needs: string[] = [];
  for (const { label } of auth.required) needs.push(`the ${label}`);
  if (auth.secret) needs.push(`the ${auth.secret.label}`);
  if (f.authType === "oauth2") needs.push("the scope, if the token endpoint needs one");
  if (f.usesClientCert) {
    needs.push(
      "a client certificate and its key for LMS Sync (a .pfx/.p12 with its passphrase, or PEM), issued by a CA your endpoint trusts",
    );
  }
  for (const name of f.secretHeaderNames) needs.push(`the value of the header ${code(name)}`);
  return needs;
}

export function authBlocks(f: HandoutFacts): HandoutBlock[] {
  const auth = AUTH[f.authType];
  const provide = whatToProvide(f);
  const blocks: HandoutBlock[] = [
    { kind: "text", text: `Authentication: **${auth.label}**.` },
    { kind: "list", items: howItIsSent(f.authType, f.authConfig) },
  ];
  if (f.usesClientCert && f.authType !== "client_cert") {
    blocks.push({
      kind: "text",
      text: "LMS Sync also presents a client certificate in the TLS handshake (mutual TLS).",
    });
  }
  if (f.clientCert) {
    blocks.push({
      kind: "text",
      text: `The client certificate LMS Sync holds now: subject ${code(f.clientCert.subject)}, issued by ${code(f.clientCert.issuer)}, valid until ${f.clientCert.validTo}.`,
    });
  }
  if (f.secretHeaderNames.length > 0) {
    blocks.push({
      kind: "text",
      text: `Every request also carries the header${f.secretHeaderNames.length > 1 ? "s" : ""} ${f.secretHeaderNames.map(code).join(", ")}, whose value is secret.`,
    });
  }
  blocks.push({
    kind: "text",
    text:
      provide.length > 0
        ? "**What your IT must provide** to the LMS administrator, through a safe channel (this document never holds a secret):"
        : "**What your IT must provide:** nothing for authentication.",
  });
  if (provide.length > 0) blocks.push({ kind: "list", items: provide });
  return blocks;
}
