"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useState } from "react";
import { readFileAsText } from "@/components/settings-form/read-file";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { schemaFromMapping } from "@/lib/contract/generate-schema";
import type { ReceiverSchema } from "@/lib/contract/model";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { ApiRequestError, fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { loadMappingDraft } from "@/lib/query/mapping-draft";
import { parseSchemaText } from "./parse-schema-text";
import { useIntegration } from "./use-integration";

const pretty = (schema: unknown) => (schema ? JSON.stringify(schema, null, 2) : "");

/**
 * The receiver's contract: the JSON Schema its receiver expects (pasted, uploaded as a .json file, or generated
 * from the mapping as a starting point) and the "validate before sending" switch, saved together with the
 * settings version. The server checks the schema with Ajv and answers a broken one at its place. Viewers read it.
 */
export function ContractCard({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { data: integration, error } = useIntegration(id);
  // The form starts again from each saved version; this says the last save was this card's.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <Card
      title="Receiver's contract"
      description="The JSON Schema the receiving system expects of each payload. The mapping's preview and Test with user check payloads against it; with Validate before sending on, a run does not send a payload that breaks it and logs why."
    >
      <div id="receiver-contract" data-testid="contract-card" className="scroll-mt-4 space-y-3 text-sm">
        {error ? <Alert>Could not load the integration: {error.message}</Alert> : null}
        {integration ? (
          <ContractForm
            // Starts again from each saved contract, not from every saved version: a save of the settings form
            // above would otherwise throw away a schema pasted here and not yet saved.
            key={`${integration.validateBeforeSending}:${JSON.stringify(integration.receiverSchema)}`}
            integration={integration}
            canEdit={canEdit}
            hasJustSaved={savedVersion === integration.version}
            onSaved={setSavedVersion}
          />
        ) : error ? null : (
          <p className="text-ink-500">Loading…</p>
        )}
      </div>
    </Card>
  );
}

function ContractForm({
  integration,
  canEdit,
  hasJustSaved,
  onSaved,
}: {
  integration: IntegrationOutput;
  canEdit: boolean;
  hasJustSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const queryClient = useQueryClient();
  const textId = useId();
  const saved = pretty(integration.receiverSchema);
  const [text, setText] = useState(saved);
  const [isOn, setOn] = useState(integration.validateBeforeSending);
  const [note, setNote] = useState<string | null>(null);
  const parsed = parseSchemaText(text);
  const isDirty = text !== saved || isOn !== integration.validateBeforeSending;

  const save = useMutation({
    mutationFn: (schema: ReceiverSchema | null) =>
      fetchJson<{ integration: IntegrationOutput }>(`/api/integrations/${integration.id}`, {
        method: "PATCH",
        json: { receiverSchema: schema, validateBeforeSending: isOn, version: integration.version },
      }),
    onSuccess: (reply) => {
      onSaved(reply.integration.version);
      queryClient.setQueryData(queryKeys.integration(integration.id), reply.integration);
    },
  });
  const onSave = () => {
    if (parsed.ok) save.mutate(parsed.schema);
  };
  const onGenerate = () => {
    if (
      text.trim() !== "" &&
      !window.confirm("Replace the schema in the box with one generated from the mapping?")
    )
      return;
    const draft = loadMappingDraft(integration.id);
    setText(pretty(schemaFromMapping(draft ?? integration.mapping)));
    setNote(
      `Generated from the ${draft ? "unsaved mapping in the editor" : `saved mapping (version ${integration.mappingVersion})`}: every key required unless its transforms have omitIfNull, no other keys allowed. Adjust it to what the receiver expects, then save.`,
    );
  };
  const onUpload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const content = await readFileAsText(file);
    const read = parseSchemaText(content);
    setText(read.ok && read.schema ? pretty(read.schema) : content);
    setNote(`Read from ${file.name}. Save to keep it.`);
  };

  return (
    <div className="space-y-3">
      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor={textId} className="block text-xs font-medium text-ink-700">
            JSON Schema
          </label>
          {text.trim() !== "" ? <CopyButton text={text} label="Copy schema" variant="ghost" /> : null}
        </div>
        <textarea
          id={textId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
          }}
          readOnly={!canEdit}
          rows={text ? Math.min(18, text.split("\n").length + 1) : 4}
          spellCheck={false}
          placeholder={
            canEdit
              ? "Paste the receiver's JSON Schema, upload its .json file, or generate one from the mapping."
              : "No schema set."
          }
          aria-invalid={!parsed.ok}
          aria-describedby={`${textId}-problem`}
          className="input mt-1 font-mono text-xs"
        />
        <p id={`${textId}-problem`} className="mt-1 text-xs text-red-700" data-testid="contract-text-problem">
          {parsed.ok ? "" : parsed.problem}
        </p>
        {note ? <p className="text-xs text-ink-600">{note}</p> : null}
      </div>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          checked={isOn}
          disabled={!canEdit}
          onChange={(e) => setOn(e.target.checked)}
          className="mt-0.5"
        />
        <span>
          <span className="font-medium text-ink-900">Validate before sending</span>
          <span className="block text-xs text-ink-600">
            A run checks each payload against the schema and does not send one that breaks it: the sync log
            says which key and why, and the delivery waits as failed for the next scheduled run or Run now.
          </span>
        </span>
      </label>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-ink-100 pt-3">
          <Button onClick={onSave} disabled={!isDirty || !parsed.ok || save.isPending}>
            {save.isPending ? "Saving…" : "Save contract"}
          </Button>
          <Button variant="secondary" onClick={onGenerate}>
            Generate from mapping
          </Button>
          <label
            className={buttonClass(
              "secondary",
              "cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600",
            )}
          >
            Upload .json
            <input type="file" accept=".json,application/json" className="sr-only" onChange={onUpload} />
          </label>
          {hasJustSaved && !isDirty ? (
            <span role="status" className="text-xs text-emerald-800">
              Saved.
            </span>
          ) : null}
        </div>
      ) : null}
      {save.error ? <SaveError error={save.error} /> : null}
    </div>
  );
}

/** A refused save: each problem the server found, at its place in the schema. */
function SaveError({ error }: { error: Error }) {
  const details = error instanceof ApiRequestError && Array.isArray(error.details) ? error.details : [];
  const problems = details.filter(
    (d): d is { path: string; message: string } =>
      typeof d?.message === "string" && typeof d?.path === "string",
  );
  return (
    <Alert>
      <p>Could not save the contract: {error.message}</p>
      {problems.length > 1 ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
