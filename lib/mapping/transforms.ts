// The transform catalogue: what the editor lists and the parser accepts.

import type { ValueType } from "./values";

export type TransformInfo = {
  name: string;
  /** How the step is written, e.g. `dateFormat:FORMAT`. */
  syntax: string;
  description: string;
  /** A step as written, e.g. `dateFormat:dd.MM.yyyy HH:mm`. */
  example: string;
  /** What the example does to a sample value. */
  exampleResult: string;
  /** Input types the transform is meant for; others give a warning (null always passes through). */
  fits: readonly ValueType[];
};

/** Every transform a chain can use, in the order the editor lists them. */
export const TRANSFORMS = [
  {
    name: "dateFormat",
    syntax: "dateFormat:FORMAT",
    description:
      "A datetime to text by a .NET custom date and time format, invariant culture, in UTC (or in the zone of a " +
      "preceding tz:). d dd ddd dddd, M MM MMM MMMM, y yy yyy yyyy yyyyy, h hh H HH m mm s ss, f–fffffff, F–FFFFFFF, " +
      "t tt, z zz zzz, K, 'literal', \"literal\", \\ escapes one character, % before a single specifier. A format " +
      "of one character is a .NET standard format (d, D, f, F, g, G, M, O, R, s, t, T, u, U, Y). " +
      "dateFormat:epoch gives Unix seconds and dateFormat:epochMs milliseconds, as numbers. ISO 8601 text is " +
      "accepted as input too.",
    example: "dateFormat:dd.MM.yyyy HH:mm",
    exampleResult: "2026-04-11T14:32:00Z → 11.04.2026 14:32",
    fits: ["datetime"],
  },
  {
    name: "tz",
    syntax: "tz:Area/City",
    description:
      "Shifts a datetime into an IANA time zone (daylight saving included), so a following dateFormat prints " +
      "that zone's wall time and z/zzz/K its offset. Without dateFormat the value is sent as ISO 8601 with the " +
      "offset.",
    example: "tz:Europe/Oslo | dateFormat:yyyy-MM-ddTHH:mm:sszzz",
    exampleResult: "2026-04-11T14:32:00Z → 2026-04-11T16:32:00+02:00",
    fits: ["datetime"],
  },
  {
    name: "statusMap",
    syntax: "statusMap:VALUE=TEXT,VALUE=TEXT,*=TEXT",
    description:
      "Maps a value to text by exact value (numbers compare as numbers, other values as text). *=TEXT is the " +
      "default; a value that is not mapped and has no default becomes null. Null stays null. Write \\, and \\= " +
      "for a comma or an equals sign inside a value.",
    example: "statusMap:100=passed,0=failed,*=in progress",
    exampleResult: "100 → passed; 40 → in progress",
    fits: ["number", "string", "boolean"],
  },
  {
    name: "concat",
    syntax: "concat:TEMPLATE",
    description:
      "Places the value into a template at each {value}; a template without {value} is a prefix. Null stays null.",
    example: "concat:EMP-{value}",
    exampleResult: "4711 → EMP-4711",
    fits: ["string", "number", "boolean", "datetime"],
  },
  {
    name: "default",
    syntax: "default:VALUE",
    description:
      "Replaces null with VALUE. VALUE is a number when the value it stands in for is a number and VALUE " +
      "is numeric; text otherwise.",
    example: "default:0",
    exampleResult: "null → 0",
    fits: ["string", "number", "boolean", "datetime", "array"],
  },
  {
    name: "omitIfNull",
    syntax: "omitIfNull",
    description: "Leaves the key out of the payload when the value is null at this step.",
    example: "omitIfNull",
    exampleResult: "null → key not sent",
    fits: ["string", "number", "boolean", "datetime", "array"],
  },
  {
    name: "toString",
    syntax: "toString",
    description:
      "Turns the value into text (a datetime as ISO 8601, a list comma-separated). Null stays null.",
    example: "toString",
    exampleResult: '95 → "95"',
    fits: ["string", "number", "boolean", "datetime", "array"],
  },
  {
    name: "toInt",
    syntax: "toInt",
    description:
      "Turns the value into a whole number, truncating toward zero; text must be a number. Null stays null.",
    example: "toInt",
    exampleResult: '"87.9" → 87',
    fits: ["number", "string", "boolean"],
  },
  {
    name: "round",
    syntax: "round:N",
    description: "Rounds a number to N decimals (0–10, default 0), halves away from zero. Null stays null.",
    example: "round:1",
    exampleResult: "87.25 → 87.3",
    fits: ["number", "string"],
  },
  {
    name: "lowercase",
    syntax: "lowercase",
    description: "Text in lower case (each item of a list). Null stays null.",
    example: "lowercase",
    exampleResult: "Anne@Company.com → anne@company.com",
    fits: ["string", "array"],
  },
  {
    name: "uppercase",
    syntax: "uppercase",
    description: "Text in upper case (each item of a list). Null stays null.",
    example: "uppercase",
    exampleResult: "hr → HR",
    fits: ["string", "array"],
  },
  {
    name: "trim",
    syntax: "trim",
    description: "Removes spaces at both ends of the text (of each item of a list). Null stays null.",
    example: "trim",
    exampleResult: '"  Anne " → "Anne"',
    fits: ["string", "array"],
  },
  {
    name: "split",
    syntax: "split:SEPARATOR",
    description:
      "Splits text into a list at SEPARATOR (default a comma); each item is trimmed and empty items are dropped. " +
      "Null stays null.",
    example: "split:,",
    exampleResult: '"Managers,Nurses" → ["Managers","Nurses"]',
    fits: ["string"],
  },
] as const satisfies readonly TransformInfo[];

export type TransformName = (typeof TRANSFORMS)[number]["name"];

const BY_NAME = new Map<string, TransformInfo>(TRANSFORMS.map((t) => [t.name, t]));

/** The catalogue entry for a transform name, or undefined. */
export function findTransform(name: string): TransformInfo | undefined {
  return BY_NAME.get(name);
}
