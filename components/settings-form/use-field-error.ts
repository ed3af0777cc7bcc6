"use client";

import { type FieldError, type FieldErrors, get, useFormState } from "react-hook-form";
import type { SettingsFormValues } from "./form-values";

/** The message at one error path, including a list's own message, which react-hook-form keeps under `root`. */
export function errorMessage(errors: FieldErrors<SettingsFormValues>, path: string): string | undefined {
  const error = get(errors, path) as (FieldError & { root?: FieldError }) | undefined;
  return error?.message ?? error?.root?.message;
}

/** The validation message of one field, by its path. */
export function useFieldError(path: string): string | undefined {
  const { errors } = useFormState<SettingsFormValues>();
  return errorMessage(errors, path);
}
