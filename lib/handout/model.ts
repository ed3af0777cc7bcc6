// The IT handout as a document: sections of a few block kinds, which the Markdown writer, the PDF writer and the
// page all render. Client-safe (types and constants only).

import type { AuthConfig, AuthTypeName } from "@/lib/integrations/auth-types";

export type HandoutBlock =
  | { kind: "text"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "code"; language: "json" | "http" | "text"; text: string };

export type HandoutSection = { id: string; title: string; blocks: HandoutBlock[] };

export type HandoutDoc = { title: string; intro: string; sections: HandoutSection[] };

export const HANDOUT_FORMATS = ["md", "pdf"] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

export const STARTER_LANGUAGES = ["node", "python"] as const;
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

/** The file each starter downloads as. */
export const STARTER_FILE_NAMES: Record<StarterLanguage, string> = {
  node: "receiver.mjs",
  python: "receiver.py",
};

/** A recent kind of failure of this integration, from its sync log (texts already scrubbed). */
export type HandoutError = {
  lastAt: string;
  count: number;
  status: number | null;
  what: string;
};

/** Everything the handout says, gathered from the integration's live settings; never a secret. */
export type HandoutFacts = {
  name: string;
  generatedAt: string;
  endpointUrl: string;
  testUrl: string | null;
  authType: AuthTypeName;
  /** The non-secret settings of the auth type (header name, user name, login or token URL, client ID, scope). */
  authConfig: AuthConfig;
  usesClientCert: boolean;
  clientCert: { subject: string; issuer: string; validTo: string } | null;
  /** Names only: the values are secrets. */
  secretHeaderNames: string[];
  customHeaders: Record<string, string>;
  successCodes: string;
  timeoutMs: number;
  retrySchedule: number[];
  failureThreshold: number;
  resendOnUpdate: boolean;
  signing: boolean;
  outbound: {
    ips: string[];
    /** When OUTBOUND_IPS is unset: this server's address on a connection to the receiver, or why there is none. */
    observed: { localAddress: string } | { problem: string } | null;
  };
  /** The payload keys and, when one is set, the receiver's JSON Schema. */
  requiredKeys: string[];
  optionalKeys: string[];
  jsonSchema: unknown | null;
  /** Whether a run checks each payload against the schema and holds back one that breaks it. */
  validatesBeforeSending: boolean;
  example: { payload: unknown; fromCompletion: boolean } | { problem: string };
  lastErrors: HandoutError[];
};
