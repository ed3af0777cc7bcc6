import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { type Receiver, type RecordedRequest, startReceiver } from "@/lib/delivery/test-support/servers";
import { killAllWorkerProcesses } from "./worker-process";

/** A test database and an HTTPS receiver for one test file; any worker process it started is killed at the end. */
export function syncTestBed(): { readonly t: TestDatabase; readonly receiver: Receiver } {
  let t: TestDatabase | undefined;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await killAllWorkerProcesses();
    await receiver?.close();
    await t?.drop();
  });
  return {
    get t() {
      if (!t) throw new Error("the test bed is not ready (use it inside tests)");
      return t;
    },
    get receiver() {
      if (!receiver) throw new Error("the test bed is not ready (use it inside tests)");
      return receiver;
    },
  };
}

/** The Idempotency-Key a receiver saw. */
export const keyOf = (r: RecordedRequest) => String(r.headers["idempotency-key"]);
