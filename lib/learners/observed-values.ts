import "server-only";
import type { DbOrTx } from "@/db/client";
import { recentResultValues } from "@/db/queries/learners";
import type { ObservedValues } from "./schemas";

// Enough recent completions to meet every value that occurs in practice, few enough to stay fast.
const SAMPLE = 5000;
// Scores run 0–100; more distinct values than that only happen with fractions and say nothing new.
const MAX_VALUES = 101;

/** The values the result fields really take in recent completions, for the editor's statusMap warnings. */
export async function loadObservedValues(db: DbOrTx): Promise<ObservedValues> {
  const v = await recentResultValues(db, SAMPLE, MAX_VALUES);
  return { "completion.bestCombined": v.bestCombined, "completion.bestScore": v.bestScore };
}
