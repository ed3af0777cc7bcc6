import { describe, expect, it } from "vitest";
import { inboundCsvHeader, toInboundCsvLine } from "./log-export";

describe("the inbound log as CSV", () => {
  it("starts with a byte-order mark and neutralises formula-like cells", () => {
    expect(inboundCsvHeader().startsWith("\uFEFFid,receivedAt,outcome")).toBe(true);
    const line = toInboundCsvLine({
      id: 1,
      receivedAt: new Date("2026-04-20T09:00:00Z"),
      outcome: "refused",
      status: 401,
      verifiedBy: "none",
      verifiedAs: null,
      reason: "-1+1",
      messageId: "@SUM(A1)",
      kind: null,
      itemsOk: 0,
      itemsFailed: 0,
      bodyBytes: 2,
      itemErrors: [{ index: 3, errors: [{ field: "email", message: "Invalid email address" }] }],
      body: "=1+1",
      bodyTruncated: false,
    });
    expect(line).toBe(
      `1,2026-04-20T09:00:00.000Z,refused,401,none,,"'-1+1","'@SUM(A1)",,0,0,#3 email: Invalid email address,2,false,"'=1+1"\r\n`,
    );
  });
});
