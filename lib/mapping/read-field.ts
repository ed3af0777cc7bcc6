// Reading one field from a completion record: lenient where the database may hand over another shape.

import type { FieldInfo, FieldName } from "./fields";
import { isSupportedMs, parseIsoDate } from "./iso";
import { Failure, parseNumber, type Value } from "./values";

type Loose = { [group: string]: { [prop: string]: unknown } | null | undefined };

// One literal accessor per field keeps each property load monomorphic; a shared `record[group][prop]`
// is megamorphic and costs a third of the time per record.
const ACCESS: { [K in FieldName]: (r: Loose) => unknown } = {
  "user.email": (r) => r.user?.email,
  "user.userName": (r) => r.user?.userName,
  "user.firstName": (r) => r.user?.firstName,
  "user.lastName": (r) => r.user?.lastName,
  "user.organisation": (r) => r.user?.organisation,
  "user.organisationId": (r) => r.user?.organisationId,
  "user.learningProfiles": (r) => r.user?.learningProfiles,
  "activity.activityName": (r) => r.activity?.activityName,
  "activity.activityId": (r) => r.activity?.activityId,
  "completion.completionDate": (r) => r.completion?.completionDate,
  "completion.bestCombined": (r) => r.completion?.bestCombined,
  "completion.bestScore": (r) => r.completion?.bestScore,
};

function wrong(field: FieldInfo, v: unknown, expected: string): Failure {
  const kind = v instanceof Date ? "an invalid date" : Array.isArray(v) ? "a list" : typeof v;
  return new Failure(`The record's ${field.name} should be ${expected}; it is ${kind}.`);
}

/** A reader for one field; missing values are null, values of the wrong type are a Failure. */
export function fieldReader(field: FieldInfo): (record: object) => Value | Failure {
  const access = ACCESS[field.name as FieldName];
  if (!access) return () => new Failure(`Unknown field ${field.name}.`);
  switch (field.type) {
    case "string":
      return (record) => {
        const v = access(record as Loose);
        if (typeof v === "string") return v;
        if (v === null || v === undefined) return null;
        if (typeof v === "number" && Number.isFinite(v)) return String(v);
        // Learning profiles may come straight from a join as a list of names.
        if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(",");
        return wrong(field, v, "text");
      };
    case "number":
      return (record) => {
        const v = access(record as Loose);
        if (typeof v === "number") return Number.isFinite(v) ? v : wrong(field, v, "a finite number");
        if (v === null || v === undefined) return null;
        // PostgreSQL numeric columns arrive as text.
        if (typeof v === "string") return parseNumber(v) ?? wrong(field, v, "a number");
        return wrong(field, v, "a number");
      };
    case "datetime":
      return (record) => {
        const v = access(record as Loose);
        if (v instanceof Date) {
          if (isSupportedMs(v.getTime())) return v;
          return new Failure(`The record's ${field.name} is not a valid date in the years 1–9999.`);
        }
        if (v === null || v === undefined) return null;
        if (typeof v === "string") {
          const ms = parseIsoDate(v);
          if (ms !== null) return new Date(ms);
          return new Failure(
            `The record's ${field.name} is not an ISO 8601 date: ${JSON.stringify(v.slice(0, 40))}.`,
          );
        }
        return wrong(field, v, "a date");
      };
    default: {
      const unhandled: never = field.type;
      return () => new Failure(`Unknown field type ${String(unhandled)}.`);
    }
  }
}
