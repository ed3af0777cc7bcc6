import { describe, expect, it } from "vitest";
import { lastName, withChosen } from "./learner-picker";

describe("a list of learners in one box", () => {
  it("completes the name being typed, keeps the ones before it, and leaves room for the next", () => {
    expect(lastName("anne, bjo")).toEqual({ head: "anne, ", last: "bjo" });
    expect(withChosen("anne, bjo", "bjorn.hansen12")).toBe("anne, bjorn.hansen12, ");
    expect(withChosen("an", "anne")).toBe("anne, ");
    expect(withChosen("", "anne")).toBe("anne, ");
    expect(withChosen("anne;bjo", "bjorn")).toBe("anne, bjorn, ");
  });
});
