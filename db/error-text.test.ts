import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorText } from "./error-text";

describe("errorText", () => {
  it("says a failed query's statement and the database's message, never its parameters", () => {
    const pg = Object.assign(new Error("value too long for type character varying(20)"), { code: "22001" });
    const failed = new DrizzleQueryError(
      "insert into sync_log (request_body)\n   values ($1)",
      ['{"employeeId":"anne@company.com","ssn":"010190-12345"}'],
      pg,
    );
    const text = errorText(failed);
    expect(text).toBe(
      "a database query failed: value too long for type character varying(20) (22001); query: insert into sync_log (request_body) values ($1)",
    );
    expect(text).not.toContain("anne@company.com");
    expect(errorText(new Error("wrapped", { cause: failed }))).not.toContain("010190-12345");
  });

  it("is the message of any other error, and the text of anything else", () => {
    expect(errorText(new TypeError("x is not a function"))).toBe("x is not a function");
    expect(errorText("plain")).toBe("plain");
  });
});
