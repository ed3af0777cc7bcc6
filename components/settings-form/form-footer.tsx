"use client";

import { useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { FormMode } from "./form-schema";
import type { SettingsFormValues } from "./form-values";

/** The bar under the form: what state it is in, discard, save (and delete, passed in, for a saved integration). */
export function FormFooter({
  mode,
  notice,
  onDiscard,
  deleteButton,
}: {
  mode: FormMode;
  notice: string | null;
  onDiscard: () => void;
  deleteButton?: React.ReactNode;
}) {
  const { isDirty, isSubmitting } = useFormState<SettingsFormValues>();
  const status = isSubmitting ? "Saving…" : isDirty ? "Unsaved changes" : notice;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        {deleteButton}
        <p
          className="mr-auto text-sm text-slate-600"
          role="status"
          aria-live="polite"
          data-testid="form-status"
        >
          {status}
        </p>
        {mode === "edit" && isDirty ? (
          <Button variant="secondary" onClick={onDiscard} disabled={isSubmitting}>
            Discard changes
          </Button>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {mode === "create" ? "Create integration" : "Save changes"}
        </Button>
      </div>
    </div>
  );
}
