import "server-only";
import type { DbOrTx } from "@/db/client";
import { ensureNamed, findNamedIds, type NamedKind, namedIdExists } from "@/db/queries/inbound-lms";
import type { InboundFieldError } from "./model";

// Organisations, activities and learning profiles named by inbound items: looked up once per batch, created only
// when the source may create them.

const WORDS: Record<NamedKind, { one: string; many: string }> = {
  organisation: { one: "organisation", many: "organisations" },
  activity: { one: "activity", many: "activities" },
  learningProfile: { one: "learning profile", many: "learning profiles" },
};

/** What a batch knows of the named things: ids by name, and which ids exist. */
export type NamedRefs = {
  createMissing: boolean;
  byName: Record<NamedKind, Map<string, number>>;
  idExists: Map<string, boolean>;
};

/** Loads the ids of every name a batch uses, in one query per kind. */
export async function loadNamedRefs(
  db: DbOrTx,
  names: Partial<Record<NamedKind, string[]>>,
  createMissing: boolean,
): Promise<NamedRefs> {
  const load = (kind: NamedKind) => findNamedIds(db, kind, [...new Set(names[kind] ?? [])]);
  return {
    createMissing,
    byName: {
      organisation: await load("organisation"),
      activity: await load("activity"),
      learningProfile: await load("learningProfile"),
    },
    idExists: new Map(),
  };
}

/** A problem when no row has this id. */
export async function checkNamedId(
  db: DbOrTx,
  refs: NamedRefs,
  kind: NamedKind,
  id: number,
  field: string,
): Promise<InboundFieldError | null> {
  const key = `${kind}:${id}`;
  if (!refs.idExists.has(key)) refs.idExists.set(key, await namedIdExists(db, kind, id));
  return refs.idExists.get(key) ? null : { field, message: `No ${WORDS[kind].one} has id ${id}` };
}

/** A problem when no row has this name and the source may not create one. */
export function checkNamedName(
  refs: NamedRefs,
  kind: NamedKind,
  name: string,
  field: string,
): InboundFieldError | null {
  if (refs.byName[kind].has(name) || refs.createMissing) return null;
  return {
    field,
    message: `No ${WORDS[kind].one} is named "${name}", and this source may not create ${WORDS[kind].many}`,
  };
}

/**
 * The id for a name checked with `checkNamedName`, creating the row when it is missing. Call inside the item's
 * write; `remember` afterwards, once the write is committed, so a rolled-back row is never reused.
 */
export async function idForName(
  db: DbOrTx,
  refs: NamedRefs,
  kind: NamedKind,
  name: string,
): Promise<{ id: number; remember: () => void }> {
  const known = refs.byName[kind].get(name);
  if (known !== undefined) return { id: known, remember: () => {} };
  const id = await ensureNamed(db, kind, name);
  return { id, remember: () => refs.byName[kind].set(name, id) };
}
