import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AuthTypeName } from "@/lib/integrations/auth-types";
import { INTEGRATION_DEFAULTS } from "@/lib/integrations/limits";
import type { HandoutFacts, StarterLanguage } from "./model";

// The receiver starters are whole files in ./starters that run as they are; a download replaces the block between
// `<config>` and `</config>` with the integration's header names, keys and JSON Schema. Secrets stay in the receiver's
// environment.

export type StarterConfig = {
  integration: string;
  auth: "api_key" | "bearer" | "basic" | "none";
  apiKeyHeader: string;
  signed: boolean;
  /** Names only: the receiver reads each value from RECEIVER_HEADER_<NAME>. */
  secretHeaders: string[];
  requiredKeys: string[];
  /** The receiver's JSON Schema, checked in full (Ajv; jsonschema when installed); null: the required keys only. */
  schema: unknown | null;
};

/** How the receiver checks each auth type: a token from a login or OAuth2 endpoint arrives as a bearer token. */
const CHECK: Record<AuthTypeName, StarterConfig["auth"]> = {
  api_key: "api_key",
  bearer: "bearer",
  bearer_login: "bearer",
  oauth2: "bearer",
  basic: "basic",
  client_cert: "none",
  none: "none",
};

export function starterConfig(f: HandoutFacts): StarterConfig {
  return {
    integration: f.name,
    auth: CHECK[f.authType],
    apiKeyHeader: f.authConfig.headerName || INTEGRATION_DEFAULTS.apiKeyHeaderName,
    signed: f.signing,
    secretHeaders: f.secretHeaderNames,
    requiredKeys: f.requiredKeys,
    schema: f.jsonSchema ?? null,
  };
}

/** A value as a Python literal (JSON strings are valid Python strings). */
function python(value: unknown, indent = ""): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (Array.isArray(value)) return `[${value.map((v) => python(v, indent)).join(", ")}]`;
  if (typeof value === "object") {
    if (Object.keys(value).length === 0) return "{}";
    const inner = `${indent}    `;
    const items = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${python(v, inner)},`);
    return `{\n${items.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const TEMPLATE: Record<
  StarterLanguage,
  { file: string; block: RegExp; write: (c: StarterConfig) => string }
> = {
  node: {
    file: "receiver.mjs",
    block: /(\/\/ <config>[^\n]*\n)[\s\S]*?(\n\/\/ <\/config>)/,
    write: (c) => `const CONFIG = ${JSON.stringify(c, null, 2)};`,
  },
  python: {
    file: "receiver.py",
    block: /(# <config>[^\n]*\n)[\s\S]*?(\n# <\/config>)/,
    write: (c) => `CONFIG = ${python(c)}`,
  },
};

const STARTERS_DIR = path.join(process.cwd(), "lib", "handout", "starters");

/** The starter receiver in `language`, configured for the integration. */
export async function starterSource(language: StarterLanguage, f: HandoutFacts): Promise<string> {
  const t = TEMPLATE[language];
  const source = await readFile(path.join(STARTERS_DIR, t.file), "utf8");
  if (!t.block.test(source)) throw new Error(`the ${t.file} starter has no <config> block`);
  return source.replace(
    t.block,
    (_m, open: string, close: string) => `${open}${t.write(starterConfig(f))}${close}`,
  );
}
