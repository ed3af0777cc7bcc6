import { describe, expect, it } from "vitest";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { schemaFromMapping } from "./generate-schema";

type Obj = { properties: Record<string, Record<string, unknown>>; required?: string[] };

describe("schemaFromMapping", () => {
  it("gives each key the type its field and transforms produce", () => {
    const schema = schemaFromMapping([
      { key: "employeeId", source: "user.email" },
      { key: "courseId", source: "activity.activityId", transforms: "toString" },
      { key: "score", source: "completion.bestCombined", transforms: "toInt" },
      { key: "average", source: "completion.bestCombined" },
      { key: "day", source: "completion.completionDate", transforms: "dateFormat:yyyy-MM-dd" },
      { key: "epoch", source: "completion.completionDate", transforms: "dateFormat:epoch" },
      { key: "completedOn", source: "completion.completionDate" },
      { key: "name", source: "user.firstName", transforms: "concat:Dr. " },
      { key: "profiles", source: "user.learningProfiles", transforms: "split:," },
      { key: "bestScore", source: "completion.bestScore" },
      { key: "fixed", source: { const: true } },
    ]) as Obj & Record<string, unknown>;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.properties).toEqual({
      employeeId: { type: "string" },
      courseId: { type: "string" },
      score: { type: "integer" },
      average: { type: "number" },
      day: { type: "string" },
      epoch: { type: "integer" },
      completedOn: { type: "string", format: "date-time" },
      name: { type: "string" },
      profiles: { type: "array", items: { type: "string" } },
      bestScore: { type: ["number", "null"] },
      fixed: { type: "boolean" },
    });
    expect(schema.additionalProperties).toBe(false);
  });

  it("requires every key except those whose chain has omitIfNull", () => {
    const schema = schemaFromMapping([
      { key: "employeeId", source: "user.email" },
      { key: "organisation", source: "user.organisation", transforms: "omitIfNull" },
      { key: "score", source: "completion.bestScore", transforms: "omitIfNull|toInt" },
      { key: "orgName", source: "user.organisation" },
    ]) as Obj;
    expect(schema.required).toEqual(["employeeId", "orgName"]);
    // Left out when null, so never null when present; a nullable key that is always sent may be null.
    expect(schema.properties.organisation).toEqual({ type: "string" });
    expect(schema.properties.score).toEqual({ type: "integer" });
    expect(schema.properties.orgName).toEqual({ type: ["string", "null"] });
  });

  it("nests dotted keys, an object required when one of its keys is", () => {
    const schema = schemaFromMapping([
      { key: "employee.id", source: "user.email" },
      { key: "employee.org", source: "user.organisation", transforms: "omitIfNull" },
      { key: "extra.score", source: "completion.bestScore", transforms: "omitIfNull" },
    ]) as Obj;
    expect(schema.required).toEqual(["employee"]);
    expect(schema.properties.employee).toEqual({
      type: "object",
      properties: { id: { type: "string" }, org: { type: "string" } },
      required: ["id"],
      additionalProperties: false,
    });
    expect(schema.properties.extra?.required).toBeUndefined();
  });

  it("lists a statusMap's answers, its fallback, and null when an unmapped value gives null", () => {
    const standard = schemaFromMapping(STANDARD_MAPPING) as Obj;
    expect(standard.properties.status).toEqual({
      type: ["string", "null"],
      enum: ["passed", "failed", null],
    });
    const withFallback = schemaFromMapping([
      { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed,*=open" },
    ]) as Obj;
    expect(withFallback.properties.status).toEqual({ type: "string", enum: ["passed", "open"] });
  });

  it("leaves out an entry with errors and keeps the rest", () => {
    const schema = schemaFromMapping([
      { key: "employeeId", source: "user.emial" },
      { key: "courseName", source: "activity.activityName" },
    ]) as Obj;
    expect(Object.keys(schema.properties)).toEqual(["courseName"]);
    expect(schema.required).toEqual(["courseName"]);
  });
});
