"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { type LoginInput, loginSchema } from "@/lib/auth/schemas";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: LoginInput) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false }).catch(() => null);
    if (!result || result.error) {
      setError(signInError(result?.error));
      return;
    }
    window.location.assign(callbackUrl);
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <FormField label="E-mail" error={errors.email?.message}>
        {(id) => (
          <input id={id} type="email" autoComplete="username" className="input" {...form.register("email")} />
        )}
      </FormField>
      <FormField label="Password" error={errors.password?.message}>
        {(id) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            className="input"
            {...form.register("password")}
          />
        )}
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

/** A failed sign-in in words: the password, the limit, or the server (never "wrong password" for an outage). */
function signInError(error: string | null | undefined): string {
  const wait = /^TooManyAttempts:(\d+)$/.exec(error ?? "")?.[1];
  if (wait) return `Too many failed sign-ins. Try again in ${wait} minute${wait === "1" ? "" : "s"}.`;
  if (error === "CredentialsSignin") return "Wrong e-mail or password.";
  return error
    ? "Signing in failed on the server. Try again in a moment; if it keeps failing, tell whoever runs LMS Sync."
    : "The server could not be reached. Check your connection and try again.";
}
