import { describe, expect, it } from "vitest";
import { contractRowIssues } from "./contract-marks";

const mapping = [
  { key: "employeeId", source: "user.email" },
  { key: "profiles", source: "user.learningProfiles", transforms: "split:," },
  { key: "employee.org", source: "user.organisation" },
];

describe("schema problems on the key rows", () => {
  it("puts each problem on the row of its key, a list item's on its list, a missing parent on its first key", () => {
    expect(
      contractRowIssues(mapping, [
        { key: "employeeId", message: "employeeId: must be a string (got 42)" },
        { key: "profiles[1]", message: 'profiles[1]: must be one of "a" (got "b")' },
        { key: "employee", message: "employee: must be an object (got null)" },
      ]),
    ).toEqual([
      { index: 0, key: "employeeId", message: "Receiver's schema: employeeId must be a string (got 42)" },
      { index: 1, key: "profiles", message: 'Receiver\'s schema: profiles[1] must be one of "a" (got "b")' },
      { index: 2, key: "employee.org", message: "Receiver's schema: employee must be an object (got null)" },
    ]);
  });

  it("leaves a problem with no key of the mapping to the preview", () => {
    expect(
      contractRowIssues(mapping, [
        { key: "organisation", message: "organisation: missing: the receiver requires this key" },
        { key: "", message: "The payload: must be an object (got [])" },
      ]),
    ).toEqual([]);
  });
});
