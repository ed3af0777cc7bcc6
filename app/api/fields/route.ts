// GET /api/fields — the LMS field catalogue (types, descriptions, examples) and the transforms a chain can use
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { FIELDS, TRANSFORMS } from "@/lib/mapping";
import { fieldInfoSchema, transformInfoSchema } from "@/lib/mapping/output-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/fields",
    role: "viewer",
    summary: "The LMS fields a mapping can read, and the transforms a chain can use",
    output: z.object({
      fields: z
        .array(fieldInfoSchema)
        .readonly()
        .describe("Every field a mapping entry can take its value from"),
      transforms: z
        .array(transformInfoSchema)
        .readonly()
        .describe("Every transform, in the order the editor lists"),
    }),
    example: { output: { fields: FIELDS.slice(0, 1), transforms: TRANSFORMS.slice(0, 1) } },
  },
  async () => ({ fields: FIELDS, transforms: TRANSFORMS }),
);
