import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

const now = new Date("2026-04-14T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("timeAgo", () => {
  it("says just now for the last few seconds", () => {
    expect(timeAgo(secondsAgo(10), now)).toBe("just now");
  });

  it("picks the largest sensible unit", () => {
    expect(timeAgo(secondsAgo(60), now)).toBe("1 minute ago");
    expect(timeAgo(secondsAgo(5 * 60), now)).toBe("5 minutes ago");
    expect(timeAgo(secondsAgo(3 * 3600), now)).toBe("3 hours ago");
    expect(timeAgo(secondsAgo(3 * 86_400), now)).toBe("3 days ago");
    expect(timeAgo(secondsAgo(65 * 86_400), now)).toBe("2 months ago");
    expect(timeAgo(secondsAgo(800 * 86_400), now)).toBe("2 years ago");
  });

  it("reads ISO strings and speaks of the future", () => {
    expect(timeAgo("2026-04-13T12:00:00Z", now)).toBe("1 day ago");
    expect(timeAgo(new Date(now.getTime() + 2 * 3600_000), now)).toBe("in 2 hours");
    expect(timeAgo("not a date", now)).toBe("not a date");
  });
});
