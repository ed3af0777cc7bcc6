// The LMS field catalogue and how a field is read from a completion record.

export type FieldType = "string" | "number" | "datetime";

export type FieldInfo = {
  name: string;
  label: string;
  type: FieldType;
  nullable: boolean;
  description: string;
  example: string | number;
};

/** The LMS fields a mapping entry can take its value from. */
export const FIELDS = [
  {
    name: "user.email",
    label: "E-mail",
    type: "string",
    nullable: false,
    description: "The learner's e-mail address; unique, often the employee key on the receiving side.",
    example: "anne@company.com",
  },
  {
    name: "user.userName",
    label: "User name",
    type: "string",
    nullable: false,
    description: "The learner's LMS login name; unique.",
    example: "anne.smith",
  },
  {
    name: "user.firstName",
    label: "First name",
    type: "string",
    nullable: false,
    description: "The learner's first name.",
    example: "Anne",
  },
  {
    name: "user.lastName",
    label: "Last name",
    type: "string",
    nullable: false,
    description: "The learner's last name.",
    example: "Smith",
  },
  {
    name: "user.organisation",
    label: "Organisation",
    type: "string",
    nullable: true,
    description: "The name of the learner's organisation; null when the learner belongs to none.",
    example: "HR department",
  },
  {
    name: "user.organisationId",
    label: "Organisation id",
    type: "number",
    nullable: true,
    description: "The LMS id of the learner's organisation; null when the learner belongs to none.",
    example: 12,
  },
  {
    name: "user.learningProfiles",
    label: "Learning profiles",
    type: "string",
    nullable: false,
    description: "The learner's learning profiles as comma-separated names; `split:,` makes a list of them.",
    example: "Managers,Nurses",
  },
  {
    name: "activity.activityName",
    label: "Course name",
    type: "string",
    nullable: false,
    description: "The name of the completed course (activity).",
    example: "GDPR introduction",
  },
  {
    name: "activity.activityId",
    label: "Course id",
    type: "number",
    nullable: false,
    description: "The LMS id of the completed course (activity).",
    example: 4711,
  },
  {
    name: "completion.completionDate",
    label: "Completion date",
    type: "datetime",
    nullable: false,
    description:
      "When the learner completed the course, in UTC. Sent as 2026-04-11T14:32:00Z unless dateFormat says otherwise.",
    example: "2026-04-11T14:32:00Z",
  },
  {
    name: "completion.bestCombined",
    label: "Best combined result",
    type: "number",
    nullable: false,
    description: "The learner's best combined result, 0–100 (100 = passed).",
    example: 100,
  },
  {
    name: "completion.bestScore",
    label: "Best score",
    type: "number",
    nullable: true,
    description: "The learner's best test score, 0–100; null when the course has no test.",
    example: 95,
  },
] as const satisfies readonly FieldInfo[];

export type FieldName = (typeof FIELDS)[number]["name"];

/** One completion as the mapping sees it; `completionDate` may be a Date or ISO 8601 text. */
export type CompletionRecord = {
  user: {
    email: string;
    userName: string;
    firstName: string;
    lastName: string;
    organisation: string | null;
    organisationId: number | null;
    learningProfiles: string | string[];
  };
  activity: { activityName: string; activityId: number };
  completion: { completionDate: Date | string; bestCombined: number; bestScore: number | null };
};

const BY_NAME = new Map<string, FieldInfo>(FIELDS.map((f) => [f.name, f]));

/** The catalogue entry for a field name, or undefined. */
export function findField(name: string): FieldInfo | undefined {
  return BY_NAME.get(name);
}
