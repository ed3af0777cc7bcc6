// GET /api/openapi.json — the OpenAPI description of this JSON API (public: it holds no data)
import { route } from "@/lib/api/handler";
import { openApiContract } from "@/lib/api/openapi-contract";
import { apiDocument } from "@/lib/api/route-modules";

export const dynamic = "force-dynamic";

export const GET = route(openApiContract, async () => apiDocument());
