import "server-only";
import type { Tx } from "@/db/client";
import { setUserProfiles, upsertUser } from "@/db/queries/inbound-lms";
import { type Indexed, type ItemOutcome, refused, uniqueViolation } from "./item-outcome";
import { checkNamedId, checkNamedName, idForName, loadNamedRefs, type NamedRefs } from "./named-refs";
import type { InboundUser } from "./schemas";

/**
 * Stores valid user items in order, each by user name: created, updated when a value differs, or left unchanged.
 * An item naming an unknown organisation or learning profile is refused unless the source may create them; an
 * e-mail address another learner has is refused. Each item is written in its own savepoint, so a refused item
 * leaves nothing behind and the others are kept.
 */
export async function upsertUsers(
  tx: Tx,
  items: Indexed<InboundUser>[],
  createMissing: boolean,
): Promise<Map<number, ItemOutcome>> {
  const refs = await loadNamedRefs(
    tx,
    {
      organisation: items.flatMap(({ item }) => (item.organisationName ? [item.organisationName] : [])),
      learningProfile: items.flatMap(({ item }) => item.learningProfiles ?? []),
    },
    createMissing,
  );
  const outcomes = new Map<number, ItemOutcome>();
  for (const { index, item } of items) outcomes.set(index, await upsertOne(tx, refs, item));
  return outcomes;
}

async function upsertOne(tx: Tx, refs: NamedRefs, item: InboundUser): Promise<ItemOutcome> {
  const problems = refused([
    item.organisationId != null
      ? await checkNamedId(tx, refs, "organisation", item.organisationId, "organisationId")
      : null,
    item.organisationName != null
      ? checkNamedName(refs, "organisation", item.organisationName, "organisationName")
      : null,
    ...(item.learningProfiles ?? []).map((name, i) =>
      checkNamedName(refs, "learningProfile", name, `learningProfiles.${i}`),
    ),
  ]);
  if (problems) return problems;
  const remember: (() => void)[] = [];
  try {
    const outcome = await tx.transaction(async (sp) => {
      let organisationId = item.organisationId;
      if (item.organisationName !== undefined) {
        const org =
          item.organisationName === null
            ? null
            : await idForName(sp, refs, "organisation", item.organisationName);
        if (org) remember.push(org.remember);
        organisationId = org?.id ?? null;
      }
      const { learningProfiles, organisationName: _, ...user } = item;
      const upserted = await upsertUser(sp, { ...user, organisationId });
      if (learningProfiles === undefined) return upserted.action;
      const profileIds: number[] = [];
      for (const name of new Set(learningProfiles)) {
        const profile = await idForName(sp, refs, "learningProfile", name);
        remember.push(profile.remember);
        profileIds.push(profile.id);
      }
      const profilesChanged = await setUserProfiles(sp, upserted.id, profileIds);
      return upserted.action === "unchanged" && profilesChanged ? "updated" : upserted.action;
    });
    for (const r of remember) r();
    return { ok: true, action: outcome };
  } catch (error) {
    if (uniqueViolation(error) === "users_email_unique") {
      return {
        ok: false,
        errors: [{ field: "email", message: "Another learner already has this e-mail address" }],
      };
    }
    throw error;
  }
}
