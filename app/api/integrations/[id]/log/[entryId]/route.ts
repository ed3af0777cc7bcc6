// GET /api/integrations/:id/log/:entryId — one log entry, whole, with a curl command to repeat it (secrets masked)
import { z } from "zod";
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { findLogEntry } from "@/db/queries/sync-log-read";
import { notFound } from "@/lib/api/errors";
import { exampleLogEntry } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { logEntryParams } from "@/lib/api/params";
import { toCurl } from "@/lib/delivery/curl";
import { usesClientCert } from "@/lib/integrations/model";
import { logEntryReplySchema } from "@/lib/sync-log/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/log/{entryId}",
    role: "viewer",
    summary: "One log entry, whole, with a curl command that repeats the request (secrets masked)",
    params: logEntryParams,
    output: logEntryReplySchema,
    errors: { 404: "No log entry has this id in this integration" },
    example: {
      output: {
        entry: exampleLogEntry,
        curl: "curl -i -X POST 'https://hr.example.com/api/completions'\n-H 'x-api-key: [redacted]'\n--data-raw '…'",
      },
    },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const entryId = z.coerce.number().int().positive().safeParse(params.entryId);
    if (!id || !entryId.success) return notFound("Log entry");
    const [entry, integration] = await Promise.all([
      findLogEntry(getDb(), id, entryId.data),
      findIntegration(getDb(), id),
    ]);
    if (!entry || !integration) return notFound("Log entry");
    // A request that went out with a client certificate or to a private CA is only repeatable with those files.
    const curl = toCurl(
      {
        method: "POST",
        url: entry.requestUrl,
        requestHeaders: entry.requestHeaders,
        requestBody: entry.requestBody,
      },
      {
        clientCert: usesClientCert(integration.authType, integration.authConfig),
        customCa: Boolean(integration.caBundlePem?.trim()),
      },
    );
    return { entry, curl };
  },
);
