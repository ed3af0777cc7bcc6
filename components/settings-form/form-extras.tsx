"use client";

import { createContext, useContext } from "react";
import type { IntegrationOutput } from "@/lib/integrations/schemas";

/** What the form's sections know besides the values: who may edit, and what the saved integration holds. */
export type FormExtras = {
  canEdit: boolean;
  isProduction: boolean;
  /** The secrets already stored (set, and when changed); empty for a new integration. */
  storedSecrets: IntegrationOutput["secrets"];
  /** The secret headers already stored, by name. */
  storedSecretHeaders: IntegrationOutput["secretHeaders"];
  clientCertInfo: IntegrationOutput["clientCertInfo"];
};

const FormExtrasContext = createContext<FormExtras>({
  canEdit: false,
  isProduction: false,
  storedSecrets: {},
  storedSecretHeaders: {},
  clientCertInfo: null,
});

export const FormExtrasProvider = FormExtrasContext.Provider;

export function useFormExtras(): FormExtras {
  return useContext(FormExtrasContext);
}
