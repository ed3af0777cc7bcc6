// GET /api/integrations/:id/handout/starter?language=node|python — a one-file receiver for the receiver's IT
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { loadHandoutFacts } from "@/lib/handout/load-facts";
import { STARTER_FILE_NAMES } from "@/lib/handout/model";
import { attachment, downloadName, starterFileSchema, starterQuerySchema } from "@/lib/handout/schemas";
import { starterSource } from "@/lib/handout/starter";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/handout/starter",
    role: "viewer",
    summary:
      "A one-file receiver (Node or Python) that checks this integration's credential or signature and its payloads",
    description:
      "It checks the API key, bearer token or Basic pair as configured (or the Standard Webhooks signature when signing is on), checks each payload against the integration's JSON Schema when it holds one (Ajv in Node; the jsonschema package in Python when installed, else the required keys) or else its required keys, answers 400 with each problem's key and reason, keeps each Idempotency-Key once and answers 200. The header names, keys and schema are filled in; the secrets are read from the receiver's environment, never written into the file.",
    params: integrationParams,
    input: starterQuerySchema,
    output: starterFileSchema,
    download: {
      "text/javascript":
        "receiver.mjs for Node 20 or later; with a schema it needs ajv and ajv-formats (language=node)",
      "text/x-python":
        "receiver.py for Python 3.9 or later; jsonschema checks a schema in full when installed (language=python)",
    },
    errors: { 404: NO_INTEGRATION },
    example: { input: { language: "node" }, output: "// A receiver for LMS Sync completions: one file, …" },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    const facts = await loadHandoutFacts(getDb(), row, { probe: false });
    const fileName = downloadName(row.name, STARTER_FILE_NAMES[input.language]);
    const type = input.language === "node" ? "text/javascript" : "text/x-python";
    return attachment(await starterSource(input.language, facts), `${type}; charset=utf-8`, fileName);
  },
);
