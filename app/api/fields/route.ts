// GET /api/fields — the LMS field catalogue (types, descriptions, examples) and the transforms a chain can use
import { withRole } from "@/lib/api/handler";
import { FIELDS, TRANSFORMS } from "@/lib/mapping";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", null, async () => ({ fields: FIELDS, transforms: TRANSFORMS }));
