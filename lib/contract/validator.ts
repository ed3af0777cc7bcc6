import "server-only";
import { createHash } from "node:crypto";
import { Ajv, type default as AjvCore, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { issuesFromErrors } from "./issue-words";
import { CONTRACT_LIMITS, type ContractIssue, type ReceiverSchema } from "./model";

// Ajv compiles a schema into JavaScript (new Function), which the pages' Content-Security-Policy forbids in the
// browser: schemas are compiled and payloads checked here, on the server, for the sync, the test tools and the
// mapping editor's preview alike.

/** A problem with the schema itself: `path` is dotted inside the schema ("properties.employeeId.type"; "" for it all). */
export type SchemaProblem = { path: string; message: string };

export type ContractValidator =
  | { ok: true; check: (payload: unknown) => ContractIssue[] }
  | { ok: false; problems: SchemaProblem[] };

const SUPPORTED_DRAFTS = "draft-07, 2019-09 or 2020-12";

/** A fresh Ajv for the draft a schema names (fresh: two receivers' schemas may share an $id). */
function ajvFor(schema: ReceiverSchema): { ajv: AjvCore } | { problem: SchemaProblem } {
  const draft = schema.$schema;
  const options = { allErrors: true, strict: false, logger: false as const };
  let ajv: AjvCore;
  if (draft === undefined || (typeof draft === "string" && /draft-07\/schema#?$/.test(draft)))
    ajv = new Ajv(options);
  else if (typeof draft === "string" && /draft\/2020-12\/schema#?$/.test(draft)) ajv = new Ajv2020(options);
  else if (typeof draft === "string" && /draft\/2019-09\/schema#?$/.test(draft)) ajv = new Ajv2019(options);
  else
    return {
      problem: {
        path: "$schema",
        message: `$schema: LMS Sync checks ${SUPPORTED_DRAFTS} schemas; ${shownDraft(draft)} is none of them. Change $schema to https://json-schema.org/draft/2020-12/schema (or remove it for draft-07)`,
      },
    };
  addFormats(ajv);
  return { ajv };
}

const shownDraft = (draft: unknown) => (typeof draft === "string" ? `"${draft.slice(0, 80)}"` : "it");

function compile(schema: ReceiverSchema): ContractValidator {
  const made = ajvFor(schema);
  if ("problem" in made) return { ok: false, problems: [made.problem] };
  const { ajv } = made;
  if (!ajv.validateSchema(schema)) {
    const errors = (ajv.errors ?? []) as ErrorObject[];
    const issues = issuesFromErrors(errors, schema, { firstPerKey: true, whole: "The schema" });
    return { ok: false, problems: issues.map((i) => ({ path: i.key, message: i.message })) };
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    // A keyword the meta-schema allows but Ajv cannot build, mostly a $ref to nothing.
    const text = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: "", message: `The schema cannot be used: ${text.slice(0, 300)}` }],
    };
  }
  return {
    ok: true,
    check: (payload) =>
      validate(payload)
        ? []
        : issuesFromErrors(validate.errors ?? [], payload, { limit: CONTRACT_LIMITS.issuesPerPayload }),
  };
}

// Compiled once per schema text: a run, the preview and Test with user check many payloads against one schema.
const cache = new Map<string, ContractValidator>();
const CACHE_SIZE = 100;

/** The schema's validator, compiled once per distinct schema (by the hash of its JSON text) and kept for reuse. */
export function receiverValidator(schema: ReceiverSchema): ContractValidator {
  const key = createHash("sha256").update(JSON.stringify(schema)).digest("base64url");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compile(schema);
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** How many schemas have been compiled and kept (tests check that payloads do not compile again). */
export function compiledSchemaCount(): number {
  return cache.size;
}
