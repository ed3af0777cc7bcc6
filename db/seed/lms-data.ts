import type { DbOrTx } from "../client";
import {
  activities,
  completions,
  learningProfiles,
  organisations,
  userLearningProfiles,
  users,
} from "../schema";
import { seededRandom } from "./random";

const ORGANISATIONS = ["HR department", "Finance", "Operations", "Sales", "IT services"];
const PROFILES = [
  "Onboarding",
  "Compliance",
  "Leadership",
  "Safety",
  "Customer care",
  "Data protection",
  "Sales skills",
  "IT security",
];
const COURSES = [
  "GDPR introduction",
  "Fire safety basics",
  "Code of conduct",
  "Information security awareness",
  "Anti-bribery",
  "First aid refresher",
  "Leading remote teams",
  "Customer complaints handling",
  "Excel for analysts",
  "Health and safety at work",
  "Diversity and inclusion",
  "Phishing defence",
  "Manual handling",
  "Negotiation skills",
  "Project management essentials",
  "Anti-money laundering",
  "Data retention policy",
  "Time management",
  "Giving feedback",
  "Export control basics",
];
const FIRST = [
  "Anne",
  "Bjørn",
  "Carla",
  "David",
  "Emma",
  "Farid",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kira",
  "Lars",
  "Maja",
  "Nils",
  "Olga",
  "Per",
  "Rikke",
  "Sofia",
  "Tobias",
  "Ulla",
];
const LAST = [
  "Hansen",
  "Jensen",
  "Nielsen",
  "Pedersen",
  "Larsen",
  "Schmidt",
  "Berg",
  "Olsen",
  "Lund",
  "Holm",
];

export type LmsSeedCounts = { organisations: number; users: number; activities: number; completions: number };

/** About 5 organisations, 200 learners with profiles, 20 courses and 1,000 completions over the last 90 days. */
export async function seedLmsData(
  db: DbOrTx,
  now = new Date(),
  counts = { users: 200, completions: 1000 },
): Promise<LmsSeedCounts> {
  const rnd = seededRandom(20261127);
  const orgs = await db
    .insert(organisations)
    .values(ORGANISATIONS.map((name) => ({ name })))
    .returning();
  const profiles = await db
    .insert(learningProfiles)
    .values(PROFILES.map((name) => ({ name })))
    .returning();
  const courses = await db
    .insert(activities)
    .values(COURSES.map((name) => ({ name })))
    .returning();

  const userRows = Array.from({ length: counts.users }, (_, i) => {
    // The first learner is the design's example, so the standard mapping's preview matches the documentation.
    if (i === 0)
      return {
        userName: "anne",
        email: "anne@company.com",
        firstName: "Anne",
        lastName: "Hansen",
        organisationId: orgs[0]!.id,
      };
    const first = rnd.pick(FIRST);
    const last = rnd.pick(LAST);
    const userName = `${first.toLowerCase().replace("ø", "o")}.${last.toLowerCase()}${i}`;
    return {
      userName,
      email: `${userName}@company.com`,
      firstName: first,
      lastName: last,
      organisationId: rnd.pick(orgs).id,
    };
  });
  const learners = await db.insert(users).values(userRows).returning({ id: users.id });
  const links = learners.flatMap((u) => {
    const chosen = new Set(Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(profiles).id));
    return [...chosen].map((learningProfileId) => ({ userId: u.id, learningProfileId }));
  });
  await db.insert(userLearningProfiles).values(links);

  const dayMs = 86_400_000;
  // A completion is unique by learner, course and date (completions_natural_key_uq): a draw that repeats one moves
  // a minute earlier.
  const taken = new Set<string>();
  const completionRows = Array.from({ length: counts.completions }, (_, i) => {
    const date = new Date(now.getTime() - rnd.next() * 90 * dayMs);
    date.setUTCSeconds(0, 0);
    const passed = rnd.next() < 0.85;
    const score = passed ? rnd.int(70, 100) : rnd.int(10, 69);
    const hasScore = rnd.next() < 0.9;
    const userId = i === 0 ? learners[0]!.id : rnd.pick(learners).id;
    const activityId = i === 0 ? courses[0]!.id : rnd.pick(courses).id;
    while (taken.has(`${userId}:${activityId}:${date.getTime()}`)) date.setTime(date.getTime() - 60_000);
    taken.add(`${userId}:${activityId}:${date.getTime()}`);
    return {
      userId,
      activityId,
      completionDate: date,
      bestCombined: passed ? 100 : 0,
      bestScore: hasScore ? score : null,
      recordedAt: date,
    };
  });
  for (let i = 0; i < completionRows.length; i += 500) {
    await db.insert(completions).values(completionRows.slice(i, i + 500));
  }
  return {
    organisations: orgs.length,
    users: learners.length,
    activities: courses.length,
    completions: completionRows.length,
  };
}
