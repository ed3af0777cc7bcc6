"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { type FieldPath, FormProvider, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { useUnsavedChangesGuard } from "@/components/ui/use-unsaved-changes-guard";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { AuthSection } from "./auth-section";
import { BasicsSection } from "./basics-section";
import { CertificateSection } from "./certificate-section";
import { ConflictAlert, type SaveConflict, saveConflict } from "./conflict-alert";
import { DeleteIntegration } from "./delete-integration";
import { DeliverySection } from "./delivery-section";
import { FormExtrasProvider } from "./form-extras";
import { FormFooter } from "./form-footer";
import { type FormMode, settingsResolver } from "./form-schema";
import {
  type DirtyFields,
  dirtyInput,
  newIntegrationValues,
  type SettingsFormValues,
  toApiInput,
  toFormValues,
} from "./form-values";
import { NotificationsSection } from "./notifications-section";
import { RetriesSection } from "./retries-section";
import { ScheduleSection } from "./schedule-section";
import { splitSaveError } from "./server-errors";
import { type DemoReceiverFill, UseDemoReceiver } from "./use-demo-receiver";
import { useSaveIntegration } from "./use-save-integration";
import { WhenToSendSection } from "./when-to-send-section";

/**
 * The settings of one integration (`edit`) or a new one (`create`), validated in the browser with the API's own
 * schema; the server's 400 details land on the same fields. Viewers get every field, disabled.
 */
export function SettingsForm({
  mode,
  integration,
  canEdit,
  isProduction,
  demoReceiver,
}: {
  mode: FormMode;
  integration?: IntegrationOutput;
  canEdit: boolean;
  isProduction: boolean;
  /** Demo mode, new integration: offers to fill in the demo receiver. */
  demoReceiver?: DemoReceiverFill | null;
}) {
  const router = useRouter();
  const storedSecrets = integration?.secrets ?? {};
  const storedKey = Object.keys(storedSecrets).sort().join(",");
  const resolver = useMemo(
    () => settingsResolver(storedKey ? storedKey.split(",") : [], isProduction),
    [storedKey, isProduction],
  );
  const [baseline, setBaseline] = useState<SettingsFormValues>(() =>
    integration ? toFormValues(integration) : newIntegrationValues(),
  );
  // The settings version the form was loaded from; a save names it so a change made meanwhile is not overwritten.
  const [version, setVersion] = useState(integration?.version);
  // A save elsewhere on this page that changed nothing this form shows (the Receiver's contract card) moves the form
  // to that version, so its own save is not refused as if someone else had changed these settings.
  useEffect(() => {
    if (!integration || version === undefined || integration.version <= version) return;
    if (JSON.stringify(toFormValues(integration)) === JSON.stringify(baseline))
      setVersion(integration.version);
  }, [integration, version, baseline]);
  const form = useForm<SettingsFormValues>({ defaultValues: baseline, resolver, mode: "onTouched" });
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveIntegration(mode, integration?.id);
  useUnsavedChangesGuard(canEdit && form.formState.isDirty);
  // Read in render so react-hook-form keeps dirtyFields current: a save sends only those fields.
  void form.formState.dirtyFields;

  // A new integration's schedule starts in the browser's time zone (unknown while rendering on the server).
  useEffect(() => {
    if (mode !== "create") return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) form.resetField("scheduleTimeZone", { defaultValue: zone });
  }, [mode, form]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setNotice(null);
      setProblems([]);
      setConflict(null);
      const input = toApiInput(values);
      const changes =
        mode === "create" ? input : dirtyInput(input, form.formState.dirtyFields as DirtyFields);
      if (Object.keys(changes).length === 0) {
        form.reset(values);
        setNotice("Nothing to save: no setting changed.");
        return;
      }
      try {
        const { integration: saved } = await save.mutateAsync(
          mode === "create" ? changes : { ...changes, version },
        );
        const next = toFormValues(saved);
        setBaseline(next);
        setVersion(saved.version);
        form.reset(next);
        if (mode === "create") {
          router.replace(`/integrations/${saved.id}?created=1`);
          return;
        }
        setNotice("Saved.");
      } catch (error) {
        const isConflict = saveConflict(error);
        if (isConflict) {
          setConflict(isConflict);
          return;
        }
        const { fields, general } = splitSaveError(error);
        for (const f of fields) {
          form.setError(f.path as FieldPath<SettingsFormValues>, { type: "server", message: f.message });
        }
        setProblems(
          general.length > 0 ? general : ["The server refused some fields: see the messages next to them."],
        );
      }
    },
    () => setProblems(["Some fields need attention: see the messages next to them."]),
  );

  return (
    <FormProvider {...form}>
      <FormExtrasProvider
        value={{
          canEdit,
          isProduction,
          storedSecrets,
          storedSecretHeaders: integration?.secretHeaders ?? {},
          clientCertInfo: integration?.clientCertInfo ?? null,
        }}
      >
        <form onSubmit={onSubmit} noValidate aria-label="Integration settings">
          {canEdit ? null : (
            <div className="mb-6">
              <Alert tone="info">You can read these settings; changing them needs the admin role.</Alert>
            </div>
          )}
          {mode === "create" && canEdit && demoReceiver ? <UseDemoReceiver access={demoReceiver} /> : null}
          <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
            <BasicsSection isProduction={isProduction} />
            <AuthSection />
            <CertificateSection />
            <DeliverySection />
            <ScheduleSection />
            <WhenToSendSection />
            <RetriesSection />
            <NotificationsSection isNew={mode === "create"} />
          </fieldset>
          {conflict && integration ? (
            <ConflictAlert
              conflict={conflict}
              integrationId={integration.id}
              onLoaded={(current) => {
                // Their version becomes the baseline; the admin's own edits are laid on top, still unsaved.
                const mine = form.getValues();
                const dirty = Object.keys(form.formState.dirtyFields) as (keyof SettingsFormValues)[];
                const next = toFormValues(current);
                setBaseline(next);
                setVersion(current.version);
                form.reset(next);
                for (const key of dirty) form.setValue(key, mine[key], { shouldDirty: true });
                setConflict(null);
                setNotice(null);
              }}
            />
          ) : null}
          {problems.length > 0 ? (
            <div className="mt-6">
              <Alert>
                {problems.length === 1 ? (
                  problems[0]
                ) : (
                  <ul className="list-disc pl-5">
                    {problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </Alert>
            </div>
          ) : null}
          {canEdit ? (
            <FormFooter
              mode={mode}
              notice={notice}
              onDiscard={() => {
                form.reset(baseline);
                setProblems([]);
              }}
              deleteButton={
                integration ? <DeleteIntegration id={integration.id} name={integration.name} /> : null
              }
            />
          ) : null}
        </form>
      </FormExtrasProvider>
    </FormProvider>
  );
}
