"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { type FieldPath, useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "children">;

/** A labelled text (or number) input bound to one form field, with its hint and message. */
export function TextField({
  name,
  label,
  hint,
  optional,
  isNumber = false,
  className = "",
  ...input
}: InputProps & {
  name: FieldPath<SettingsFormValues>;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  isNumber?: boolean;
}) {
  const { register } = useFormContext<SettingsFormValues>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <input
          {...control}
          className={`input ${className}`}
          type={isNumber ? "number" : "text"}
          {...input}
          {...register(name, isNumber ? { valueAsNumber: true } : {})}
        />
      )}
    </Field>
  );
}
