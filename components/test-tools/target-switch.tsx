"use client";

export type Target = "test" | "production";

/** Test URL or production endpoint; only offered when the integration has a test URL. */
export function TargetSwitch({
  integration,
  value,
  onChange,
  disabled,
}: {
  integration: { testUrl: string | null; endpointUrl: string } | undefined;
  value: Target;
  onChange: (t: Target) => void;
  disabled?: boolean;
}) {
  if (!integration) return null;
  const { testUrl, endpointUrl } = integration;
  if (!testUrl)
    return (
      <p className="text-xs text-slate-500">
        Sends to the endpoint <code className="font-mono">{endpointUrl}</code> (no test URL is set).
      </p>
    );
  return (
    <fieldset className="flex flex-wrap items-center gap-4 text-sm" disabled={disabled}>
      <legend className="sr-only">Where to send</legend>
      {(["test", "production"] as const).map((t) => (
        <label key={t} className="flex items-center gap-2">
          <input type="radio" name="target" checked={value === t} onChange={() => onChange(t)} />
          {t === "test" ? "Test URL" : "Production endpoint"}
          <code className="font-mono text-xs text-slate-500">{t === "test" ? testUrl : endpointUrl}</code>
        </label>
      ))}
    </fieldset>
  );
}
