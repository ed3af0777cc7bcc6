"use client";

import { Alert } from "@/components/ui/alert";
import { useFormExtras } from "../form-extras";

export function NoneFields() {
  const { isProduction } = useFormExtras();
  return (
    <div className="sm:col-span-2">
      <Alert tone={isProduction ? "error" : "warning"}>
        No authentication is for test setups only: anyone who knows the URL could post completions to it.{" "}
        {isProduction
          ? "This server runs in production and refuses to save it."
          : "Production refuses it, so choose a real method before going live."}
      </Alert>
    </div>
  );
}
