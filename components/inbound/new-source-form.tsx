"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createInboundSourceSchema } from "@/lib/inbound/source-schemas";
import { SecretOnce } from "./secret-once";
import { SourceFields, type SourceForm } from "./source-fields";
import { useCreateInboundSource } from "./use-inbound";

/** The admin's form for a new source; on success it shows the URL and the signing secret, once. */
export function NewSourceForm() {
  const router = useRouter();
  const create = useCreateInboundSource();
  const form: SourceForm = useForm({
    resolver: zodResolver(createInboundSourceSchema),
    defaultValues: { name: "", kinds: ["users", "completions"], createMissing: false },
  });
  if (create.data) {
    const { source, signingSecret } = create.data;
    return (
      <SecretOnce
        secret={signingSecret}
        url={source.url}
        onDone={() => {
          create.reset();
          router.push(`/inbound/${source.id}`);
        }}
      />
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) => create.mutateAsync(values).catch(() => {}))}
    >
      {create.error ? <Alert>{create.error.message}</Alert> : null}
      <SourceFields form={form} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Creating…" : "Create source"}
      </Button>
    </form>
  );
}
