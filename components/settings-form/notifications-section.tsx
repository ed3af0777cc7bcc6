"use client";

import { Controller, useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { ListEditor } from "./list-editor";
import { SendFromChoice } from "./send-from-choice";
import { useFieldError } from "./use-field-error";

/** Who hears about an auto-disable, and from when completions are sent. */
export function NotificationsSection({ isNew }: { isNew: boolean }) {
  const { control, register } = useFormContext<SettingsFormValues>();
  const sendFromError = useFieldError("sendFrom");
  return (
    <FormSection
      title="Notifications and start"
      description="Who is told when the integration stops, and which completions it sends."
    >
      <Controller
        control={control}
        name="notificationEmails"
        render={({ field }) => (
          <ListEditor
            path="notificationEmails"
            label="Notify by e-mail"
            hint="When the integration is disabled automatically (in the app too, always). E-mail needs SMTP set on the server."
            items={field.value}
            onChange={field.onChange}
            newItem={() => ""}
            max={50}
            addLabel="Add e-mail address"
            itemLabel={(i) => `Address ${i + 1}`}
            renderItem={(value, setItem, c) => (
              <input
                {...c}
                type="email"
                className="input"
                placeholder="it-team@example.com"
                autoComplete="off"
                value={value}
                onChange={(e) => setItem(e.target.value)}
              />
            )}
          />
        )}
      />
      {isNew ? (
        <SendFromChoice />
      ) : (
        <Field
          label="Send completions recorded from"
          error={sendFromError}
          hint="Completions recorded since this time are sent. Moving it earlier sends older ones not yet sent. Your local time."
        >
          {(c) => <input {...c} type="datetime-local" className="input sm:w-64" {...register("sendFrom")} />}
        </Field>
      )}
    </FormSection>
  );
}
