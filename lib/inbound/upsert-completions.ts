import "server-only";
import type { Tx } from "@/db/client";
import {
  type CompletionUpsert,
  findUserIds,
  upsertCompletions as upsertCompletionRows,
} from "@/db/queries/inbound-lms";
import type { Indexed, ItemOutcome } from "./item-outcome";
import { refused } from "./item-outcome";
import { checkNamedId, checkNamedName, idForName, loadNamedRefs, type NamedRefs } from "./named-refs";
import type { InboundCompletion } from "./schemas";

type Learners = Awaited<ReturnType<typeof findUserIds>>;

/**
 * Stores valid completion items in order, each by learner, activity and completion date: created, updated (a new
 * revision, recorded now) when a score differs, or left unchanged. The learner must exist; an unknown activity is
 * created only when the source may create activities.
 */
export async function upsertCompletions(
  tx: Tx,
  items: Indexed<InboundCompletion>[],
  createMissing: boolean,
): Promise<Map<number, ItemOutcome>> {
  const learners = await findUserIds(
    tx,
    items.flatMap(({ item }) => (item.userName ? [item.userName] : [])),
    items.flatMap(({ item }) => (item.email ? [item.email] : [])),
  );
  const refs = await loadNamedRefs(
    tx,
    { activity: items.flatMap(({ item }) => (item.activityName ? [item.activityName] : [])) },
    createMissing,
  );
  const outcomes = new Map<number, ItemOutcome>();
  const rows: { index: number; row: CompletionUpsert }[] = [];
  for (const { index, item } of items) {
    const checked = await checkOne(tx, learners, refs, item);
    if (checked.ok) rows.push({ index, row: checked.row });
    else outcomes.set(index, checked.refused);
  }
  // One statement for the batch: a statement per item made 1,000 round trips (npm run bench:inbound).
  const actions = await upsertCompletionRows(
    tx,
    rows.map((r) => r.row),
  );
  for (const [i, { index }] of rows.entries()) outcomes.set(index, { ok: true, action: actions[i]! });
  return outcomes;
}

/** The item's row, or why it is refused; an activity it names is created here when the source may create. */
async function checkOne(
  tx: Tx,
  learners: Learners,
  refs: NamedRefs,
  item: InboundCompletion,
): Promise<{ ok: true; row: CompletionUpsert } | { ok: false; refused: ItemOutcome }> {
  const userId = item.userName ? learners.byUserName.get(item.userName) : learners.byEmail.get(item.email!);
  const problems = refused([
    userId === undefined
      ? item.userName
        ? { field: "userName", message: `No learner has the user name "${item.userName}"` }
        : { field: "email", message: `No learner has the e-mail address "${item.email}"` }
      : null,
    item.activityId !== undefined
      ? await checkNamedId(tx, refs, "activity", item.activityId, "activityId")
      : null,
    item.activityName !== undefined
      ? checkNamedName(refs, "activity", item.activityName, "activityName")
      : null,
  ]);
  if (problems) return { ok: false, refused: problems };
  const activity =
    item.activityId !== undefined
      ? { id: item.activityId, remember: () => {} }
      : await idForName(tx, refs, "activity", item.activityName!);
  // No savepoint: past the checks nothing is refused, and an unexpected error fails the whole request.
  activity.remember();
  return {
    ok: true,
    row: {
      userId: userId!,
      activityId: activity.id,
      completionDate: new Date(item.completionDate),
      bestCombined: item.bestCombined,
      bestScore: item.bestScore,
    },
  };
}
