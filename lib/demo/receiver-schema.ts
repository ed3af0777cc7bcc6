// The demo HR system's contract: the JSON Schema its receiver expects, as its IT would hand it over. The demo
// integration holds it with "validate before sending" on; every completion of the demo data satisfies it.

import type { ReceiverSchema } from "@/lib/contract/model";

export const DEMO_RECEIVER_SCHEMA: ReceiverSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Demo HR system: a course completion",
  type: "object",
  properties: {
    employeeId: { type: "string", format: "email", description: "The employee's e-mail address" },
    courseName: { type: "string", minLength: 1 },
    completedOn: { type: "string", format: "date-time" },
    score: { type: ["number", "null"], minimum: 0, maximum: 100 },
    status: { enum: ["passed", "failed", null] },
    organisation: { type: ["string", "null"] },
  },
  required: ["employeeId", "courseName", "completedOn", "status"],
  additionalProperties: false,
};
