"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { TextField } from "./text-field";

function productionNote(url: string, isProduction: boolean): string | null {
  if (!isProduction || !/^http:\/\//i.test(url.trim())) return null;
  return "This server runs in production, where http:// is refused: use https://.";
}

/** Name, endpoint and test URL. */
export function BasicsSection({ isProduction }: { isProduction: boolean }) {
  const { control } = useFormContext<SettingsFormValues>();
  const [endpointUrl, testUrl] = useWatch({ control, name: ["endpointUrl", "testUrl"] });
  const urlRule = isProduction
    ? "Production accepts https:// only, on public addresses (private and loopback addresses need the server's allow-list)."
    : "Use https:// for real systems: production refuses http:// and private addresses.";
  const warning = productionNote(endpointUrl, isProduction) ?? productionNote(testUrl, isProduction);
  return (
    <FormSection title="Basics" description="What the integration is called and where completions go.">
      <div className="sm:col-span-2">
        <TextField
          name="name"
          label="Name"
          placeholder="HR system (Workday)"
          hint="Shown in the list, in notifications and in the log."
          autoComplete="off"
        />
      </div>
      <div className="sm:col-span-2">
        <TextField
          name="endpointUrl"
          label="Endpoint URL"
          type="url"
          placeholder="https://hr.example.com/api/completions"
          hint={`Each completion is sent here as a JSON POST. ${urlRule}`}
          className="font-mono"
          autoComplete="off"
        />
      </div>
      <div className="sm:col-span-2">
        <TextField
          name="testUrl"
          label="Test URL"
          optional
          type="url"
          placeholder="https://hr-test.example.com/api/completions"
          hint="“Test with user” sends here instead of the endpoint, so tests never reach the real system."
          className="font-mono"
          autoComplete="off"
        />
      </div>
      {warning ? (
        <p className="text-xs font-medium text-amber-800 sm:col-span-2" role="status">
          {warning}
        </p>
      ) : null}
    </FormSection>
  );
}
