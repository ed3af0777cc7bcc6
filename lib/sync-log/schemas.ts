import { z } from "zod";

export const LOG_PAGE_SIZE = 50;

/** Filters of the sync log, shared by the page, the JSON API and the export. */
export const logFilterSchema = z.object({
  outcome: z.enum(["success", "failure"]).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  user: z.string().trim().min(1).max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type LogFilter = z.infer<typeof logFilterSchema>;

export const logQuerySchema = logFilterSchema.extend({
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(LOG_PAGE_SIZE),
});
export type LogQuery = z.infer<typeof logQuerySchema>;

export const logExportSchema = logFilterSchema.extend({ format: z.enum(["csv", "ndjson"]).default("csv") });
