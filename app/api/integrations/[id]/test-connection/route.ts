// POST /api/integrations/:id/test-connection — one GET (or OPTIONS) with auth applied, reported stage by stage; writes nothing
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { testConnection } from "@/lib/delivery";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { testConnectionInputSchema } from "@/lib/testing-tools/schemas";

export const dynamic = "force-dynamic";

export const POST = withRole("admin", testConnectionInputSchema, async ({ params, input }) => {
  const id = uuidParam(params.id);
  const row = id ? await findIntegration(getDb(), id) : undefined;
  if (!row) return notFound("Integration");
  const conn = connectionFromIntegration(row);
  if (!conn.ok) return apiError(409, "conflict", conn.error);
  const target = input.target ?? (row.testUrl ? "test" : "production");
  const result = await testConnection({ settings: conn.settings, target, method: input.method });
  return { target, result };
});
