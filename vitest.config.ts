import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,lib,db,worker,scripts}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", ".next", ".data", "e2e"],
    environment: "node",
    globalSetup: ["db/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `server-only` throws outside a React Server build; tests run server modules directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "db/test/server-only-stub.ts") },
  },
});
