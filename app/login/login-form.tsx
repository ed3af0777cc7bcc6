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
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const wait = /^TooManyAttempts:(\d+)$/.exec(result?.error ?? "")?.[1];
      setError(
        wait
          ? `Too many failed sign-ins. Try again in ${wait} minute${wait === "1" ? "" : "s"}.`
          : "Wrong e-mail or password.",
      );
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
