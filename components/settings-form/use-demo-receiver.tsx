"use client";

import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { SettingsFormValues } from "./form-values";

/** The demo receiver's address and key (demo mode only; see lib/demo/receiver-access). */
export type DemoReceiverFill = { url: string; headerName: string; apiKey: string };

/**
 * Demo mode's shortcut on a new integration: fills the endpoint, the API-key method, its header and the key of the
 * demo receiver this app serves, so a first Test with user needs nothing looked up.
 */
export function UseDemoReceiver({ access }: { access: DemoReceiverFill }) {
  const { getValues, setValue } = useFormContext<SettingsFormValues>();
  const fill = () => {
    const dirty = { shouldDirty: true, shouldValidate: true } as const;
    if (!getValues("name").trim()) setValue("name", "Demo receiver", dirty);
    setValue("endpointUrl", access.url, dirty);
    setValue("authType", "api_key", dirty);
    setValue("authConfig.headerName", access.headerName, dirty);
    setValue("secrets.apiKey", access.apiKey, dirty);
  };
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-panel bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
      <p className="text-sm text-ink-800">
        Trying LMS Sync out? Point this integration at the demo receiver this app serves.
      </p>
      <Button variant="secondary" onClick={fill}>
        Use the demo receiver
      </Button>
    </div>
  );
}
