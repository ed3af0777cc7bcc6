"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { INBOUND_KIND_LABELS, INBOUND_KINDS } from "@/lib/inbound/model";
import type { createInboundSourceSchema } from "@/lib/inbound/source-schemas";

export type SourceFormValues = z.input<typeof createInboundSourceSchema>;
export type SourceForm = UseFormReturn<SourceFormValues, unknown, z.output<typeof createInboundSourceSchema>>;

/** A source's name, what it may send and whether it may create missing things: the new and the edit form share them. */
export function SourceFields({ form }: { form: SourceForm }) {
  const { errors } = form.formState;
  return (
    <>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} className="input" {...form.register("name")} />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-ink-800">It may send</legend>
        <div className="mt-1 flex gap-4">
          {INBOUND_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={kind} {...form.register("kinds")} />
              {INBOUND_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {errors.kinds ? (
          <p className="mt-1 text-xs font-medium text-danger-700">{errors.kinds.message}</p>
        ) : null}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register("createMissing")} />
        <span>
          May create missing organisations, activities and learning profiles
          <span className="block text-xs text-ink-500">
            Otherwise an item naming one the LMS does not have is refused, and the others are kept.
          </span>
        </span>
      </label>
    </>
  );
}
