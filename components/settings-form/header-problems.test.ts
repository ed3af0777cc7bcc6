import { describe, expect, it } from "vitest";
import { secretHeaderProblem, visibleHeaderProblem } from "./header-problems";

const stored = (name: string, isRemoved = false) => ({ name, value: "", isStored: true, isRemoved });

describe("a visible header row's problem, beside the row", () => {
  it("names a clash with a stored secret header (the server refuses it, and said so nowhere on the page)", () => {
    const rows = [{ name: "x-tenant", value: "acme" }];
    expect(visibleHeaderProblem(rows[0]!, rows, 0, [stored("X-Tenant")])).toBe(
      "x-tenant is also a secret header; keep it in one list (remove one of them)",
    );
    // Being removed in the same save, the secret header no longer clashes.
    expect(visibleHeaderProblem(rows[0]!, rows, 0, [stored("X-Tenant", true)])).toBeNull();
  });

  it("still says what it said before: a missing name, and a repeat below", () => {
    const rows = [
      { name: "X-A", value: "1" },
      { name: "x-a", value: "2" },
      { name: "", value: "3" },
    ];
    expect(visibleHeaderProblem(rows[0]!, rows, 0)).toBe(
      "This header is repeated below; only the last one is sent",
    );
    expect(visibleHeaderProblem(rows[1]!, rows, 1)).toBeNull();
    expect(visibleHeaderProblem(rows[2]!, rows, 2)).toBe("Enter the header name");
  });
});

describe("a new secret header row's problem", () => {
  it("names a clash with a visible header, and leaves stored rows alone", () => {
    const row = { name: "X-Tenant", value: "s3cr3t", isStored: false, isRemoved: false };
    expect(secretHeaderProblem(row, ["x-tenant"])).toBe(
      "X-Tenant is also a visible custom header; keep it in one list",
    );
    expect(secretHeaderProblem(stored("X-Tenant"), ["x-tenant"])).toBeNull();
    expect(secretHeaderProblem({ ...row, value: "" }, [])).toBe("Enter the value");
  });
});
