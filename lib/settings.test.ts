import { describe, expect, it } from "vitest";
import { parseSettings, productionStartProblem } from "./settings";

describe("production start rules", () => {
  it("refuses an http:// APP_URL or NEXTAUTH_URL in production unless TLS ends at a proxy", () => {
    expect(productionStartProblem({ APP_ENV: "production", APP_URL: "http://lms.example.com" })).toMatch(
      /APP_URL is http:\/\/lms\.example\.com: production needs an https:\/\/ address/,
    );
    expect(
      productionStartProblem({
        APP_ENV: "production",
        APP_URL: "https://lms.example.com",
        NEXTAUTH_URL: "http://lms.example.com",
      }),
    ).toMatch(/NEXTAUTH_URL/);
    // No APP_URL: the default http://localhost is refused as well.
    expect(productionStartProblem({ APP_ENV: "production" })).toMatch(/APP_URL is http:\/\/localhost:3000/);
    expect(
      productionStartProblem({
        APP_ENV: "production",
        APP_URL: "http://lms.internal",
        BEHIND_TLS_PROXY: "true",
      }),
    ).toBeNull();
    expect(productionStartProblem({ APP_ENV: "production", APP_URL: "https://lms.example.com" })).toBeNull();
    expect(productionStartProblem({ APP_ENV: "demo", APP_URL: "http://localhost:3000" })).toBeNull();
  });

  it("sessions default to 60 idle minutes and 12 hours at most", () => {
    const s = parseSettings({});
    expect([s.SESSION_IDLE_MINUTES, s.SESSION_MAX_HOURS]).toEqual([60, 12]);
    expect(parseSettings({ SESSION_IDLE_MINUTES: "15" }).SESSION_IDLE_MINUTES).toBe(15);
    expect(() => parseSettings({ SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
