// The handout's section on the payload: the JSON Schema when one is set, the keys, and an example built from a
// real completion through the integration's mapping.

import type { HandoutBlock, HandoutFacts, HandoutSection } from "./model";

export function payloadSection(f: HandoutFacts): HandoutSection {
  const blocks: HandoutBlock[] = [
    {
      kind: "table",
      head: ["Key", "Always present"],
      rows: [
        ...f.requiredKeys.map((k) => [`\`${k}\``, "yes"]),
        ...f.optionalKeys.map((k) => [`\`${k}\``, "no: left out when the LMS has no value"]),
      ],
    },
    {
      kind: "text",
      text: 'A dot in a key means a nested object (`employee.id` is `{"employee": {"id": …}}`).',
    },
  ];
  blocks.push(
    f.jsonSchema === null
      ? { kind: "text", text: "**JSON Schema:** no schema set for this integration." }
      : {
          kind: "text",
          text: f.validatesBeforeSending
            ? "**JSON Schema** of the payload (the receiver's contract): LMS Sync checks every payload against it and does not send one that breaks it."
            : "**JSON Schema** of the payload (the receiver's contract, as set in LMS Sync; payloads are not checked against it before sending):",
        },
  );
  if (f.jsonSchema !== null) {
    blocks.push({ kind: "code", language: "json", text: JSON.stringify(f.jsonSchema, null, 2) });
  }
  if ("problem" in f.example) {
    blocks.push({ kind: "text", text: `**Example:** ${f.example.problem}` });
  } else {
    blocks.push(
      {
        kind: "text",
        text: f.example.fromCompletion
          ? "**Example**: a real completion from this LMS, through this integration's mapping, with the learner replaced by a made-up one:"
          : "**Example** (the LMS has no completion yet, so this one is made up):",
      },
      { kind: "code", language: "json", text: JSON.stringify(f.example.payload, null, 2) },
    );
  }
  return { id: "payload", title: "Payload", blocks };
}
