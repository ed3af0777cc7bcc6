// Path parameters the routes share, described once for the OpenAPI document.

import { z } from "zod";

export const integrationParams = z.object({ id: z.uuid().describe("The integration's id") });

export const deliveryParams = integrationParams.extend({
  deliveryId: z.coerce.number().int().positive().describe("The delivery's id, as the sync log shows it"),
});

export const logEntryParams = integrationParams.extend({
  entryId: z.coerce.number().int().positive().describe("The log entry's id"),
});

export const learnerParams = z.object({
  userName: z.string().min(1).describe("The learner's LMS user name or e-mail address, URL-encoded"),
});

/** The 404 of every route under /api/integrations/{id}. */
export const NO_INTEGRATION = "No integration has this id";

/** `?limit=`: how many at most, `fallback` when it is left out. */
export const limitParam = (max: number, fallback: number, what: string) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(what);
