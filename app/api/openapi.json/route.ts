// GET /api/openapi.json — the OpenAPI description of this JSON API

import { withRole } from "@/lib/api/handler";
import { buildOpenApi } from "@/lib/api/openapi";
import packageJson from "../../../package.json" with { type: "json" };

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", null, async () => buildOpenApi(packageJson.version));
