"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createInboundSourceSchema, type InboundSourceReply } from "@/lib/inbound/source-schemas";
import { SourceFields, type SourceForm } from "./source-fields";
import { useUpdateInboundSource } from "./use-inbound";

/** Changes a source's name, what it may send and whether it may create missing things (its URL stays). */
export function EditSourceForm({ source, onDone }: { source: InboundSourceReply; onDone: () => void }) {
  const update = useUpdateInboundSource(source.id);
  const form: SourceForm = useForm({
    resolver: zodResolver(createInboundSourceSchema),
    defaultValues: { name: source.name, kinds: source.kinds, createMissing: source.createMissing },
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) => update.mutateAsync(values).then(onDone, () => {}))}
    >
      {update.error ? <Alert>{update.error.message}</Alert> : null}
      <SourceFields form={form} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
