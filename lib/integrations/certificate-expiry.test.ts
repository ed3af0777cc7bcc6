import { describe, expect, it } from "vitest";
import { certificateExpiry } from "./certificate-expiry";

const now = new Date("2026-04-14T12:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

describe("certificateExpiry", () => {
  it("warns within 30 days and not before", () => {
    expect(certificateExpiry(inDays(29.5), now)).toEqual({ days: 29, state: "expiring" });
    expect(certificateExpiry(inDays(31), now)).toEqual({ days: 31, state: "valid" });
  });

  it("calls a certificate past its end expired", () => {
    expect(certificateExpiry(inDays(-2), now).state).toBe("expired");
    expect(certificateExpiry(now, now).state).toBe("expired");
  });
});
