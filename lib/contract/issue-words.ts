// Ajv's errors said in words at the key they concern: "employeeId: must be a string (got 42)". Pure (types only from
// Ajv): the messages are made where Ajv runs, on the server, and shown as they are.

import type { ErrorObject } from "ajv";
import type { ContractIssue } from "./model";

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  array: "a list (array)",
  null: "null",
};

const FORMAT_WORDS: Record<string, string> = {
  "date-time": "a date and time in ISO 8601 (2026-04-11T14:32:00Z)",
  date: "a date in ISO 8601 (2026-04-11)",
  time: "a time in ISO 8601 (14:32:00Z)",
  email: "an e-mail address",
  uri: "a URI",
  uuid: "a UUID",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  hostname: "a host name",
};

/** A value quoted for a message, cut so one long text cannot flood a log entry. */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function orList(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** The key an instance path names, dotted as a mapping names keys, list items as [i]; and the value there. */
function locate(instancePath: string, data: unknown): { key: string; value: unknown } {
  let key = "";
  let value: unknown = data;
  for (const raw of instancePath.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(value)) {
      key += `[${part}]`;
      value = value[Number(part)];
    } else {
      key = key === "" ? part : `${key}.${part}`;
      value =
        value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  return { key, value };
}

const child = (key: string, name: string) => (key === "" ? name : `${key}.${name}`);

/** One Ajv error as a key and the words for it. */
function issueOf(error: ErrorObject, data: unknown, whole: string): ContractIssue {
  const at = locate(error.instancePath, data);
  const got = ` (got ${shown(at.value)})`;
  const p = error.params as Record<string, unknown>;
  let key = at.key;
  let words: string;
  switch (error.keyword) {
    case "required":
      key = child(key, String(p.missingProperty));
      words = "missing: the receiver requires this key";
      break;
    case "additionalProperties":
      key = child(key, String(p.additionalProperty));
      words = "not expected: the receiver's schema allows no other keys here";
      break;
    case "type": {
      const types = Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(",");
      words = `must be ${orList(types.map((t) => TYPE_WORDS[t] ?? t))}${got}`;
      break;
    }
    case "enum":
      words = `must be one of ${(p.allowedValues as unknown[]).map(shown).join(", ")}${got}`;
      break;
    case "const":
      words = `must be ${shown(p.allowedValue)}${got}`;
      break;
    case "format":
      words = `must be ${FORMAT_WORDS[String(p.format)] ?? `in the format "${String(p.format)}"`}${got}`;
      break;
    default:
      words = `${error.message ?? `breaks "${error.keyword}"`}${got}`;
  }
  return { key, message: `${key === "" ? whole : key}: ${words}` };
}

/**
 * Ajv's errors for `data` as issues at their keys, in Ajv's order, the same words once, at most `limit` (then one
 * that says how many more). `firstPerKey` keeps one issue per key (a schema's own problems, where one mistake
 * breaks several alternatives of the meta-schema). `whole` names the data itself ("The payload").
 */
export function issuesFromErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  {
    limit = 20,
    firstPerKey = false,
    whole = "The payload",
  }: { limit?: number; firstPerKey?: boolean; whole?: string } = {},
): ContractIssue[] {
  const seen = new Set<string>();
  const issues: ContractIssue[] = [];
  for (const error of errors) {
    // The alternatives' own errors say more than "must match a schema in anyOf"; keep it only when alone.
    if ((error.keyword === "anyOf" || error.keyword === "oneOf") && errors.length > 1) continue;
    const issue = issueOf(error, data, whole);
    const identity = firstPerKey ? issue.key : issue.message;
    if (seen.has(identity)) continue;
    seen.add(identity);
    issues.push(issue);
  }
  if (issues.length <= limit) return issues;
  const more = issues.length - limit;
  return [
    ...issues.slice(0, limit),
    { key: "", message: `${whole}: ${more} more ${more === 1 ? "problem" : "problems"} not listed` },
  ];
}
