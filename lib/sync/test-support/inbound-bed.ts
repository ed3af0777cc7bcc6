import { afterAll, beforeAll, expect } from "vitest";
import { POST as inbound } from "@/app/api/inbound/[sourceId]/route";
import { seedLmsData } from "@/db/seed/lms-data";
import { type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import {
  createInboundFixture,
  createTestSource,
  type InboundFixture,
} from "@/lib/inbound/test-support/fixture";
import { postSigned } from "@/lib/inbound/test-support/inbound-request";

export type InboundSyncBed = {
  readonly f: InboundFixture;
  readonly receiver: Receiver;
  /** Posts completions to the inbound route, signed as the source would; each item's action. */
  sendCompletions(items: unknown[]): Promise<string[]>;
};

/**
 * For one test file: a test database with `users` learners (the first is "anne"), an inbound source that may send
 * completions, and an HTTPS receiver. The process-wide pool (a worker's task) points at the test database.
 */
export function inboundSyncBed(users: number): InboundSyncBed {
  let f: InboundFixture | undefined;
  let receiver: Receiver | undefined;
  let source: { id: string; secret: string } | undefined;
  beforeAll(async () => {
    f = await createInboundFixture();
    receiver = await startReceiver();
    source = await createTestSource(f.adminToken, { name: "HR", kinds: ["completions"] });
    await seedLmsData(f.t.db, new Date(), { users, completions: 0 });
  });
  afterAll(async () => {
    await receiver?.close();
    await f?.t.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the test bed is not ready (use it inside tests)");
    return value;
  };
  return {
    get f() {
      return ready(f);
    },
    get receiver() {
      return ready(receiver);
    },
    async sendCompletions(items) {
      const s = ready(source);
      const reply = await postSigned(inbound, s.id, s.secret, { type: "completions", items });
      expect(reply.status).toBe(200);
      return (reply.body.results as { ok: boolean; action?: string }[]).map((r) => r.action ?? "refused");
    },
  };
}
