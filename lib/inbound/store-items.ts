import "server-only";
import type { Tx } from "@/db/client";
import { findUnstorableText } from "@/lib/text";
import type { Indexed, ItemOutcome } from "./item-outcome";
import type { InboundKind } from "./model";
import {
  INBOUND_ITEM_SCHEMAS,
  type InboundCompletion,
  type InboundItemResult,
  type InboundUser,
} from "./schemas";
import { upsertCompletions } from "./upsert-completions";
import { upsertUsers } from "./upsert-users";

/**
 * Checks each item on its own (storable text, then its kind's schema) and stores the valid ones: one result per
 * item, in order. An item that fails is refused alone; the others are kept.
 */
export async function storeItems(
  tx: Tx,
  kind: InboundKind,
  items: readonly unknown[],
  createMissing: boolean,
): Promise<InboundItemResult[]> {
  const checked = items.map((raw, index) => checkItem(kind, raw, index));
  const valid = checked.flatMap((c) => (c.ok ? [c.value] : []));
  const stored = await storeValid(tx, kind, valid, createMissing);
  return checked.map((c, index): InboundItemResult => {
    const outcome: ItemOutcome = c.ok ? stored.get(index)! : { ok: false, errors: c.errors };
    return outcome.ok
      ? { index, ok: true, action: outcome.action, errors: [] }
      : { index, ok: false, errors: outcome.errors };
  });
}

type Checked =
  | { ok: true; value: Indexed<InboundUser> | Indexed<InboundCompletion> }
  | { ok: false; errors: { field: string; message: string }[] };

function checkItem(kind: InboundKind, raw: unknown, index: number): Checked {
  const unstorable = findUnstorableText(raw);
  if (unstorable) {
    const message = "Contains a NUL byte or a broken character (lone surrogate), which cannot be stored";
    return { ok: false, errors: [{ field: unstorable.join("."), message }] };
  }
  const parsed = INBOUND_ITEM_SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
    };
  }
  return {
    ok: true,
    value: { index, item: parsed.data } as Indexed<InboundUser> | Indexed<InboundCompletion>,
  };
}

async function storeValid(
  tx: Tx,
  kind: InboundKind,
  valid: (Indexed<InboundUser> | Indexed<InboundCompletion>)[],
  createMissing: boolean,
): Promise<Map<number, ItemOutcome>> {
  switch (kind) {
    case "users":
      return upsertUsers(tx, valid as Indexed<InboundUser>[], createMissing);
    case "completions":
      return upsertCompletions(tx, valid as Indexed<InboundCompletion>[], createMissing);
    default: {
      const unknown: never = kind;
      throw new Error(`no store for ${unknown}`);
    }
  }
}
