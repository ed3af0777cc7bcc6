"use client";

import { useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { AUTH, type AuthFieldSpec, type AuthTypeName } from "@/lib/integrations/model";
import { useFormExtras } from "./form-extras";
import type { SettingsFormValues } from "./form-values";
import { SecretField } from "./secret-field";
import { TextField } from "./text-field";

function AuthField({ spec }: { spec: AuthFieldSpec }) {
  const { register } = useFormContext<SettingsFormValues>();
  switch (spec.kind) {
    case "secret":
      return <SecretField name={spec.name} label={spec.label} hint={spec.hint} />;
    case "select":
      return (
        <Field label={spec.label} hint={spec.hint}>
          {(control) => (
            <select {...control} className="input" {...register(`authConfig.${spec.name}`)}>
              {spec.options.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case "text":
    case "url": {
      const listId = spec.suggestions ? `auth-${spec.name}-suggestions` : undefined;
      return (
        <>
          <TextField
            name={`authConfig.${spec.name}`}
            label={spec.label}
            hint={spec.hint}
            optional={spec.isOptional}
            placeholder={spec.placeholder}
            type={spec.kind}
            list={listId}
            className={spec.isMono ? "font-mono" : ""}
            autoComplete="off"
          />
          {spec.suggestions ? (
            <datalist id={listId}>
              {spec.suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
        </>
      );
    }
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}

/** The settings and secret of one auth type, drawn from its descriptor in lib/integrations/auth-types.ts. */
export function AuthFields({ authType }: { authType: AuthTypeName }) {
  const { isProduction } = useFormExtras();
  const auth = AUTH[authType];
  return (
    <>
      {auth.fields.map((spec) => (
        <div key={spec.name} className={"isWide" in spec && spec.isWide ? "sm:col-span-2" : undefined}>
          <AuthField spec={spec} />
        </div>
      ))}
      {auth.note ? <p className="text-sm text-slate-600 sm:col-span-2">{auth.note}</p> : null}
      {auth.isTestOnly ? (
        <div className="sm:col-span-2">
          <Alert tone={isProduction ? "error" : "warning"}>
            This method is for test setups only: anyone who knows the URL could post completions to it.{" "}
            {isProduction
              ? "This server runs in production and refuses to save it."
              : "Production refuses it, so choose a real method before going live."}
          </Alert>
        </div>
      ) : null}
    </>
  );
}
