import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/actor";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await getSessionActor()) redirect(DEFAULT_AFTER_SIGN_IN);
  const { callbackUrl } = await searchParams;
  const safeCallback = safeCallbackUrl(callbackUrl);
  const isDemo = process.env.NODE_ENV !== "production" && process.env.LMS_SYNC_DEMO === "1";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
            LS
          </div>
          <h1 className="text-2xl font-semibold">Sign in to LMS Sync</h1>
          <p className="mt-1 text-sm text-slate-600">Course completions to your HR and training systems.</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <LoginForm callbackUrl={safeCallback} />
        </div>
        {isDemo ? (
          <p className="mt-4 text-center text-xs text-slate-500">
            Demo: admin@example.com / admin-demo · viewer@example.com / viewer-demo
          </p>
        ) : null}
      </div>
    </main>
  );
}
