// npm run bench:contract — what "validate before sending" adds to a payload in a sync run: the demo receiver's
// JSON Schema (formats included) checked by Ajv, once compiled, against 100,000 payloads. Baseline in the same run:
// building and serialising the payload, which a run does anyway. Also what compiling per payload would cost.

import { receiverValidator } from "../lib/contract/validator";
import { DEMO_RECEIVER_SCHEMA } from "../lib/demo/receiver-schema";
import { compileMapping, STANDARD_MAPPING } from "../lib/mapping";
import { sampleRecord } from "../lib/mapping/testing";

const PAYLOADS = 100_000;
const COMPILES = 200;

function perSecond(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString("en-US");
}

function main(): void {
  const compiled = compileMapping(STANDARD_MAPPING);
  if (!compiled.ok) throw new Error("the standard mapping does not compile");
  const base = sampleRecord();
  const records = Array.from({ length: PAYLOADS }, (_, i) => ({
    ...base,
    user: {
      ...base.user,
      email: `user${i}@company.com`,
      organisation: i % 4 === 0 ? null : base.user.organisation,
    },
    completion: {
      ...base.completion,
      bestScore: i % 5 === 0 ? null : i % 101,
      bestCombined: i % 3 === 0 ? 0 : 100,
    },
  }));
  const validator = receiverValidator(DEMO_RECEIVER_SCHEMA);
  if (!validator.ok) throw new Error(validator.problems[0]?.message);

  let sink = 0;
  const build = (i: number) => {
    const built = compiled.build(records[i]!);
    if (!built.ok) throw new Error("a payload did not build");
    sink += JSON.stringify(built.payload).length;
    return built.payload;
  };
  for (let i = 0; i < 10_000; i++) sink += validator.check(build(i)).length;

  let t = performance.now();
  const payloads = Array.from({ length: PAYLOADS }, (_, i) => build(i));
  const buildMs = performance.now() - t;

  t = performance.now();
  let broken = 0;
  for (const payload of payloads) broken += validator.check(payload).length > 0 ? 1 : 0;
  const checkMs = performance.now() - t;
  if (broken > 0) throw new Error(`${broken} payloads break the demo schema`);

  // What the cache avoids: Ajv compiling the schema (distinct texts, so each one is compiled).
  t = performance.now();
  for (let i = 0; i < COMPILES; i++) {
    const v = receiverValidator({ ...DEMO_RECEIVER_SCHEMA, $comment: `bench ${i}` });
    if (v.ok) sink += v.check(payloads[i]).length;
  }
  const compileMs = (performance.now() - t) / COMPILES;

  const us = (ms: number) => ((ms / PAYLOADS) * 1000).toFixed(2);
  console.log(
    `build + serialise (baseline): ${perSecond(PAYLOADS, buildMs)} payloads/s, ${us(buildMs)} µs each`,
  );
  console.log(
    `schema check (compiled once): ${perSecond(PAYLOADS, checkMs)} payloads/s, ${us(checkMs)} µs each`,
  );
  console.log(`ratio check / baseline:       ${(checkMs / buildMs).toFixed(2)}`);
  console.log(
    `compiling the schema:         ${compileMs.toFixed(1)} ms (${Math.round((compileMs / checkMs) * PAYLOADS).toLocaleString("en-US")}x one cached check)`,
  );
  if (sink < 0) console.log(sink);
}

main();
