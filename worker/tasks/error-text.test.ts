import { DrizzleQueryError } from "drizzle-orm";
import type { JobHelpers } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { withErrorText } from "./index";

const helpers = {} as JobHelpers;

describe("a worker task's failure", () => {
  it("is said without a failed query's parameters, which graphile-worker would log and keep", async () => {
    const task = withErrorText(async () => {
      throw new DrizzleQueryError(
        "insert into sync_log values ($1)",
        ["anne@company.com 010190-12345"],
        new Error("disk full"),
      );
    });
    const failure = await Promise.resolve(task({}, helpers)).then(
      () => null,
      (e: Error) => e,
    );
    expect(failure?.message).toContain("disk full");
    expect(failure?.message).not.toContain("010190-12345");
  });

  it("is the task's own error otherwise, stack and all", async () => {
    const own = new Error("SMTP refused");
    await expect(withErrorText(async () => Promise.reject(own))({}, helpers)).rejects.toBe(own);
  });
});
