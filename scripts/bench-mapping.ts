// npm run bench:mapping — the seed-example payload for 200,000 records with lib/mapping and, as the
// baseline in the same run, with an equivalent JSONata expression. Prints records/s and the ratio.

import jsonata from "jsonata";
import { buildPayload, type CompletionRecord, compileMapping, STANDARD_MAPPING } from "../lib/mapping";

const RECORDS = 200_000;
const WARM_UP = 20_000;

// The design's seed example in JSONata: same keys, same order, same null handling.
const JSONATA_SEED = `{
  "employeeId": user.email,
  "courseName": activity.activityName,
  "completedOn": $fromMillis($toMillis(completion.completionDate), "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z"),
  "score": completion.bestScore,
  "status": completion.bestCombined = 100 ? "passed" : completion.bestCombined = 0 ? "failed" : null,
  "organisation": user.organisation
}`;

const COURSES = ["GDPR introduction", "Fire safety", "Hand hygiene", "Leadership basics"];
const ORGANISATIONS = ["HR department", "Ward 4", "Finance", null];

/** Varied records; dates as ISO text, the form both engines accept (JSONata cannot read a Date). */
function makeRecords(count: number): CompletionRecord[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    user: {
      email: `user${i}@company.com`,
      userName: `user${i}`,
      firstName: "Anne",
      lastName: `Smith${i % 97}`,
      organisation: ORGANISATIONS[i % ORGANISATIONS.length] ?? null,
      organisationId: i % 4 === 3 ? null : i % 4,
      learningProfiles: "Managers,Nurses",
    },
    activity: { activityName: COURSES[i % COURSES.length] ?? "", activityId: 1000 + (i % 50) },
    completion: {
      completionDate: new Date(start + i * 97_531_000).toISOString(),
      bestCombined: i % 3 === 0 ? 100 : i % 3 === 1 ? 0 : 55,
      bestScore: i % 5 === 0 ? null : i % 101,
    },
  }));
}

function rate(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString("en-US");
}

async function main(): Promise<void> {
  const records = makeRecords(RECORDS);
  const compiled = compileMapping(STANDARD_MAPPING);
  if (!compiled.ok) throw new Error(`The standard mapping does not compile: ${compiled.errors[0]?.message}`);
  const expression = jsonata(JSONATA_SEED);

  // Same answers first: a benchmark of two engines that disagree measures nothing.
  for (const record of records.slice(0, 2_000)) {
    const ours = compiled.build(record);
    const theirs = await expression.evaluate(record);
    if (!ours.ok || JSON.stringify(ours.payload) !== JSON.stringify(theirs)) {
      throw new Error(`Engines disagree: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
    }
  }

  let sink = 0;
  for (const record of records.slice(0, WARM_UP)) {
    const r = compiled.build(record);
    sink += r.ok ? 1 : 0;
    sink += (await expression.evaluate(record)) ? 1 : 0;
    sink += buildPayload(STANDARD_MAPPING, record).ok ? 1 : 0;
  }

  let t = performance.now();
  for (const record of records) sink += compiled.build(record).ok ? 1 : 0;
  const engineMs = performance.now() - t;

  t = performance.now();
  for (const record of records) sink += buildPayload(STANDARD_MAPPING, record).ok ? 1 : 0;
  const cachedMs = performance.now() - t;

  t = performance.now();
  for (const record of records) sink += (await expression.evaluate(record)) ? 1 : 0;
  const jsonataMs = performance.now() - t;

  const dated = records.map((r) => ({
    ...r,
    completion: { ...r.completion, completionDate: new Date(r.completion.completionDate) },
  }));
  for (const record of dated.slice(0, WARM_UP)) sink += compiled.build(record).ok ? 1 : 0;
  t = performance.now();
  for (const record of dated) sink += compiled.build(record).ok ? 1 : 0;
  const datedMs = performance.now() - t;

  console.log(`seed-example payload, ${RECORDS.toLocaleString("en-US")} records (checksum ${sink})`);
  console.log(`  lib/mapping compileMapping().build : ${rate(RECORDS, engineMs).padStart(12)} records/s`);
  console.log(`  lib/mapping buildPayload (cached)  : ${rate(RECORDS, cachedMs).padStart(12)} records/s`);
  console.log(`  lib/mapping build, Date input      : ${rate(RECORDS, datedMs).padStart(12)} records/s`);
  console.log(`  JSONata 2 (compiled once, awaited) : ${rate(RECORDS, jsonataMs).padStart(12)} records/s`);
  const ratio = jsonataMs / engineMs;
  console.log(`  ratio lib/mapping / JSONata        : ${ratio.toFixed(1)}x (target >= 20x)`);
  console.log(`  ratio buildPayload / JSONata       : ${(jsonataMs / cachedMs).toFixed(1)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
