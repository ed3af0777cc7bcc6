import { CodeBlock } from "@/components/ui/code-block";

/** A failure's own text from the network or TLS library, for whoever debugs it; the error above says it in words. */
export function TechnicalDetails({ detail }: { detail: string }) {
  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Technical details</h3>
      <CodeBlock value={detail} label="Technical details" />
    </section>
  );
}
