// Inputs and outputs of the handout routes.

import { z } from "zod";
import { contentDisposition } from "@/lib/api/download";
import { HANDOUT_FORMATS, STARTER_LANGUAGES } from "./model";

export const handoutQuerySchema = z.object({
  format: z
    .enum(HANDOUT_FORMATS)
    .default("md")
    .describe("md: Markdown (text/markdown); pdf: a PDF document (application/pdf)"),
});

export const handoutFileSchema = z
  .string()
  .describe(
    "The handout for the receiver's IT, generated from the integration's live settings; never a secret",
  );

export const starterQuerySchema = z.object({
  language: z
    .enum(STARTER_LANGUAGES)
    .describe(
      "node: receiver.mjs (Node 20+; with a schema, ajv and ajv-formats); python: receiver.py (Python 3.9+; jsonschema when installed)",
    ),
});

export const starterFileSchema = z
  .string()
  .describe(
    "One-file receiver with the integration's header names, payload keys and JSON Schema filled in; secrets come from its environment",
  );

/** A download's file name from an integration's name: "HR system" → "hr-system-handout.md". */
export function downloadName(integrationName: string, suffix: string): string {
  const base =
    integrationName
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "integration";
  return `${base}-${suffix}`;
}

/** A handout file as an attachment, never cached. */
export function attachment(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": contentDisposition(fileName),
      "cache-control": "no-store",
    },
  });
}
