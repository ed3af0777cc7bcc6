// buildPayload and its compile cache: the worker calls it per record, so it must not re-parse the mapping.

import type { CompletionRecord } from "./fields";
import { type BuildResult, type CompileResult, compileMapping, internalError } from "./payload";
import { MAX_ENTRIES, type MappingEntry } from "./schemas";

// Mappings are keyed by content, not identity, so an entry edited in place never hits a stale compile.
const cache = new Map<string, CompileResult>();
const CACHE_SIZE = 64;

function contentKey(entries: unknown): string | null {
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) return null;
  let key = "";
  for (const e of entries) {
    if (e === null || typeof e !== "object") return null;
    const { key: k, source, transforms } = e as Record<string, unknown>;
    if (typeof k !== "string" || (transforms !== undefined && typeof transforms !== "string")) return null;
    let src: string;
    if (typeof source === "string") src = `f${source}`;
    else if (source !== null && typeof source === "object") {
      const c = (source as { const?: unknown }).const;
      if (c === null) src = "n";
      else if (typeof c === "string" || typeof c === "number" || typeof c === "boolean")
        src = `${typeof c}${String(c)}`;
      else return null;
    } else return null;
    const chain = transforms === undefined ? "-" : `${transforms.length}:${transforms}`;
    key += `${k.length}:${k}${src.length}:${src}${chain};`;
  }
  return key;
}

// The same array passed again (the worker's loop) is checked field by field against a snapshot,
// which is cheaper than building its content key, and still safe if the array was edited in place.
const byIdentity = new WeakMap<object, { snapshot: unknown[]; result: CompileResult }>();

function snapshotOf(entries: unknown[]): unknown[] {
  const snapshot: unknown[] = [];
  for (const e of entries) {
    const r = (e ?? {}) as Record<string, unknown>;
    const source = r.source;
    const constant =
      source !== null && typeof source === "object" ? (source as { const?: unknown }).const : undefined;
    snapshot.push(e, r.key, source, constant, r.transforms);
  }
  return snapshot;
}

function isUnchanged(entries: unknown[], snapshot: unknown[]): boolean {
  if (snapshot.length !== entries.length * 5) return false;
  for (let i = 0, j = 0; i < entries.length; i++, j += 5) {
    const e = entries[i];
    if (e !== snapshot[j] || e === null || typeof e !== "object") return false;
    const r = e as Record<string, unknown>;
    const source = r.source;
    if (r.key !== snapshot[j + 1] || source !== snapshot[j + 2] || r.transforms !== snapshot[j + 4])
      return false;
    if (
      source !== null &&
      typeof source === "object" &&
      (source as { const?: unknown }).const !== snapshot[j + 3]
    ) {
      return false;
    }
  }
  return true;
}

/** The compiled form of a mapping from a small cache, compiling on a miss. */
export function cachedCompile(entries: readonly MappingEntry[]): CompileResult {
  const isList = Array.isArray(entries);
  if (isList) {
    const known = byIdentity.get(entries);
    if (known && isUnchanged(entries, known.snapshot)) return known.result;
  }
  const key = contentKey(entries);
  if (key === null) return compileMapping(entries);
  let result = cache.get(key);
  if (!result) {
    result = compileMapping(entries);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
  }
  if (isList) byIdentity.set(entries, { snapshot: snapshotOf(entries), result });
  return result;
}

/** The exact JSON payload for one record, or every error (never half a payload); never throws. */
export function buildPayload(entries: readonly MappingEntry[], record: CompletionRecord): BuildResult {
  try {
    const compiled = cachedCompile(entries);
    return compiled.ok ? compiled.build(record) : { ok: false, errors: compiled.errors };
  } catch (error) {
    return internalError(error);
  }
}
