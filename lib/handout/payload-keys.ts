// Which payload keys the receiver always gets, and which a mapping may leave out (omitIfNull), read from the
// mapping itself; and the learner of an example payload, made anonymous.

import { type CompletionRecord, type MappingEntry, parseTransforms } from "@/lib/mapping";

export function payloadKeys(mapping: readonly MappingEntry[]): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const entry of mapping) {
    const parsed = parseTransforms(entry.transforms ?? "");
    const mayBeLeftOut = parsed.ok && parsed.steps.some((s) => s.name === "omitIfNull");
    (mayBeLeftOut ? optional : required).push(entry.key);
  }
  return { required, optional };
}

/** The learner every example payload shows instead of a real person. */
export const EXAMPLE_LEARNER = {
  email: "alex.example@example.com",
  userName: "alex.example",
  firstName: "Alex",
  lastName: "Example",
} as const;

/** A completion with its learner's name, user name and e-mail replaced; the course, dates and scores stay real. */
export function anonymised<R extends CompletionRecord>(record: R): R {
  return { ...record, user: { ...record.user, ...EXAMPLE_LEARNER } };
}

/** An example completion for an LMS that has none yet. */
export const SAMPLE_COMPLETION: CompletionRecord = {
  user: {
    ...EXAMPLE_LEARNER,
    organisation: "HR department",
    organisationId: 12,
    learningProfiles: "Managers",
  },
  activity: { activityName: "GDPR introduction", activityId: 7 },
  completion: { completionDate: "2026-04-11T14:32:00Z", bestCombined: 100, bestScore: 95 },
};
