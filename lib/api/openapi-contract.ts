// The contract of GET /api/openapi.json, apart from its route so the list of contracts can hold it without a cycle.

import { z } from "zod";
import type { RouteContract } from "./contract";

const openApiOutputSchema = z.looseObject({
  openapi: z.literal("3.1.0").describe("The OpenAPI version"),
  info: z
    .looseObject({
      title: z.string().describe("The API's name"),
      version: z.string().describe("The app's version"),
      description: z.string().describe("How to authenticate, and the error shape"),
    })
    .describe("About the API"),
  paths: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .describe("Every route: path, then method, then the operation"),
  components: z
    .record(z.string(), z.unknown())
    .describe("Shared schemas, error responses and security schemes"),
});

export const openApiContract = {
  method: "GET",
  path: "/api/openapi.json",
  role: "public",
  summary: "This document: every route's contract, built from the declarations beside the handlers",
  description: "Public: it describes the API and holds no data.",
  output: openApiOutputSchema,
  example: {
    output: {
      openapi: "3.1.0",
      info: {
        title: "LMS Sync API",
        version: "0.1.0",
        description: "Everything an admin can do in the browser…",
      },
      paths: { "/api/health": { get: { summary: "Liveness and database reachability" } } },
      components: {},
    },
  },
} satisfies RouteContract<undefined, typeof openApiOutputSchema>;
