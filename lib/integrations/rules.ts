import "server-only";
import { validateMapping } from "@/lib/mapping";
import { getSettings } from "@/lib/settings";
import type { CreateIntegrationInput } from "./schemas";

export type RuleProblem = { path: string; message: string };

/** Rules beyond the input's shape: production's https-only and no-auth refusals, a mapping that validates. */
export function checkIntegrationRules(input: Partial<CreateIntegrationInput>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { isProduction } = getSettings();
  if (isProduction) {
    for (const key of ["endpointUrl", "testUrl"] as const) {
      const url = input[key];
      if (url && !url.toLowerCase().startsWith("https://")) {
        problems.push({
          path: key,
          message: "Production sends only over https:// — the receiver must offer TLS",
        });
      }
    }
    if (input.authType === "none") {
      problems.push({
        path: "authType",
        message: "No authentication is for test setups only; choose how to sign in",
      });
    }
  }
  if (input.mapping) {
    const { errors } = validateMapping(input.mapping);
    for (const e of errors)
      problems.push({ path: e.index === null ? "mapping" : `mapping.${e.index}`, message: e.message });
  }
  return problems;
}
