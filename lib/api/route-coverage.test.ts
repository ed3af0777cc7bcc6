import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, type RouteContract } from "./contract";
import { API_CONTRACTS, apiDocument } from "./route-modules";

const ROOT = path.resolve(import.meta.dirname, "../..");
// next-auth's sign-in, session and sign-out endpoints: its own protocol, named in the document's description.
// The catch-all answers paths no route has with a JSON 404: no part of the API.
const NOT_DOCUMENTED = ["app/api/auth/[...nextauth]/route.ts", "app/api/[...path]/route.ts"];

/** Every route.ts under app/api, as paths from the project root. */
function routeFiles(dir = "app/api"): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const child = `${dir}/${e.name}`;
    if (e.isDirectory()) return routeFiles(child);
    return e.name === "route.ts" ? [child] : [];
  });
}

/** `app/api/integrations/[id]/route.ts` → `/api/integrations/{id}`. */
function openApiPath(file: string): string {
  return file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, "{$1}");
}

describe("the OpenAPI document covers every route on disk", () => {
  const doc = apiDocument();
  const files = routeFiles();

  it("finds the route files (a wrong root would make the next test pass on nothing)", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("app/api/integrations/[id]/route.ts");
  });

  it.each(files.filter((f) => !NOT_DOCUMENTED.includes(f)))("%s", async (file) => {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((m) => module[m] !== undefined);
    expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of methods) {
      const contract = (module[method] as { contract?: RouteContract }).contract;
      expect(contract, `${method} in ${file} declares no contract: wrap it in route()`).toBeDefined();
      expect([contract!.method, contract!.path]).toEqual([method, openApiPath(file)]);
      expect(API_CONTRACTS, `${file} is missing from lib/api/route-modules.ts`).toContain(contract);
      expect(doc.paths[openApiPath(file)]?.[method.toLowerCase()]).toBeDefined();
    }
  });

  it("lists nothing that is not on disk", () => {
    const onDisk = new Set(files.map(openApiPath));
    expect(Object.keys(doc.paths).filter((p) => !onDisk.has(p))).toEqual([]);
  });
});
