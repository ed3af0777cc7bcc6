"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { SecretOnce } from "@/components/inbound/secret-once";
import { readFileAsBase64 } from "@/components/settings-form/read-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { AUTH } from "@/lib/integrations/auth-types";
import {
  type ImportNeed,
  type IntegrationDocument,
  importNeeds,
  type importReplySchema,
  integrationDocumentSchema,
} from "@/lib/integrations/transfer-schemas";
import { parseJsonText } from "@/lib/json/parse-json-text";
import { ApiRequestError, fetchJson } from "@/lib/query/fetch-json";

type Problem = { path: string; message: string };
type Loaded = { raw: unknown; document: IntegrationDocument; fileName: string };

/** Problems of a file, each at its place in it ($.integration.timeoutMs). */
function readDocument(
  text: string,
): { ok: true; raw: unknown; document: IntegrationDocument } | { ok: false; problems: Problem[] } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problems: [{ path: "$", message: `The file is ${json.problem}` }] };
  const raw = json.value;
  const parsed = integrationDocumentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, raw, document: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: ["$", ...i.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p)))]
        .join(".")
        .replace(/\.\[/g, "["),
      message: i.message,
    })),
  };
}

/** New integration from an exported file: the file is checked here first, then the secrets it cannot carry are asked for. */
export function ImportIntegration() {
  const router = useRouter();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: (body: unknown) =>
      fetchJson<z.output<typeof importReplySchema>>("/api/integrations/import", {
        method: "POST",
        json: body,
      }),
    onSuccess: (reply) => {
      if (!reply.signingSecret) router.push(`/integrations/${reply.integration.id}`);
    },
  });

  const onFile = async (file: File | undefined) => {
    submit.reset();
    setLoaded(null);
    if (!file) return;
    const read = readDocument(await file.text());
    setFileProblems(read.ok ? [] : read.problems);
    if (!read.ok) return;
    setLoaded({ raw: read.raw, document: read.document, fileName: file.name });
    setName(read.document.integration.name);
    setValues({});
  };

  const onSubmit = () => {
    if (!loaded) return;
    const secrets: Record<string, string> = {};
    const secretHeaders: Record<string, string> = {};
    for (const [path, value] of Object.entries(values)) {
      if (!value) continue;
      const [group, key] = [path.slice(0, path.indexOf(".")), path.slice(path.indexOf(".") + 1)];
      (group === "secrets" ? secrets : secretHeaders)[key] = value;
    }
    submit.mutate({ document: loaded.raw, name, secrets, secretHeaders });
  };

  const serverProblems =
    submit.error instanceof ApiRequestError && Array.isArray(submit.error.details)
      ? (submit.error.details as Problem[])
      : [];
  const reply = submit.data;
  if (reply?.signingSecret) {
    return (
      <Card
        title={`${reply.integration.name} was created`}
        description="The file had request signing on, so it signs with a new secret."
      >
        <SecretOnce
          secret={reply.signingSecret}
          note="Copy the new signing secret now: it is shown only this once. Give it to the receiver, which verifies each request with it (Standard Webhooks)."
          onDone={() => router.push(`/integrations/${reply.integration.id}`)}
        />
      </Card>
    );
  }
  return (
    <Card
      title="Import from a file"
      description="A file exported from an integration (its Export button): settings and mapping, never secrets."
    >
      <div className="space-y-4" data-testid="import-integration">
        <Field label="Exported file (.json)">
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/json,.json"
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          )}
        </Field>
        {fileProblems.length > 0 ? (
          <ProblemList title="The file cannot be imported" problems={fileProblems} />
        ) : null}
        {loaded ? (
          <>
            <Summary document={loaded.document} />
            <Field label="Name">
              {(control) => (
                <input
                  {...control}
                  className="input w-full"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <NeedsForm needs={importNeeds(loaded.document)} values={values} onChange={setValues} />
            {serverProblems.length > 0 ? (
              <ProblemList title="Nothing was saved" problems={serverProblems} />
            ) : submit.error ? (
              <Alert>{submit.error.message}</Alert>
            ) : null}
            <div className="flex gap-2">
              <Button onClick={onSubmit} disabled={submit.isPending}>
                Create integration
              </Button>
              <Link href="/integrations" className="self-center text-sm text-ink-600 hover:text-ink-900">
                Cancel
              </Link>
            </div>
          </>
        ) : null}
      </div>
    </Card>
  );
}

function Summary({ document }: { document: IntegrationDocument }) {
  const s = document.integration;
  const rows: [string, string][] = [
    ["Endpoint", s.endpointUrl],
    ["Authentication", AUTH[s.authType].label],
    ["Schedule", `${s.scheduleCron} (${s.scheduleTimeZone})`],
    ["Mapping", s.mapping ? `${s.mapping.length} keys` : "the standard mapping"],
    [
      "Receiver's contract",
      s.receiverSchema
        ? `a JSON Schema${s.validateBeforeSending ? ", checked before sending" : ", not checked before sending"}`
        : "none",
    ],
    ["Request signing", document.signing ? "on (a new secret is made)" : "off"],
    [
      "Sends completions from",
      s.sendFrom ? `${s.sendFrom.toISOString().slice(0, 10)} (as in the file)` : "now (when it is created)",
    ],
  ];
  if (document.exportedFrom) rows.push(["Exported from", document.exportedFrom]);
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]" data-testid="import-summary">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-ink-700">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function NeedsForm({
  needs,
  values,
  onChange,
}: {
  needs: ImportNeed[];
  values: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  if (needs.length === 0) return <p className="text-sm text-ink-600">This integration needs no secret.</p>;
  const set = (path: string, value: string) => onChange({ ...values, [path]: value });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-ink-900">Secrets the file cannot carry</legend>
      {needs.map((need) => (
        <Field key={need.path} label={need.label} optional={need.isOptional} hint={need.path}>
          {(control) =>
            need.path === "secrets.clientCertPfx" ? (
              <input
                {...control}
                type="file"
                accept=".pfx,.p12"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  set(need.path, file ? await readFileAsBase64(file) : "");
                }}
              />
            ) : (
              <input
                {...control}
                className="input w-full font-mono"
                type="password"
                autoComplete="off"
                value={values[need.path] ?? ""}
                onChange={(e) => set(need.path, e.target.value)}
              />
            )
          }
        </Field>
      ))}
    </fieldset>
  );
}

function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  return (
    <Alert>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-5" data-testid="import-problems">
        {problems.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
