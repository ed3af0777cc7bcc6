import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findAppUserByEmail } from "@/db/queries/app-users";
import { isDemoAccount } from "@/lib/demo/accounts";
import { getSettings } from "@/lib/settings";
import { checkWithinLoginLimit, clientAddress, tooManyAttemptsError } from "./login-limit";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./roles";
import { endSession, startSession } from "./sessions";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

// An unknown e-mail is checked against this hash, so it costs the same time as a wrong password (no enumeration).
let dummyHash: Promise<string> | undefined;
const timingTwin = () => {
  dummyHash ??= hashPassword(`no such user ${Math.random()}`);
  return dummyHash;
};

/** The user the credentials belong to, or null; always one bcrypt comparison, whether the e-mail exists or not. */
export async function checkCredentials(email: string, password: string) {
  const refused = getSettings().isProduction && isDemoAccount(email);
  const user = refused ? undefined : await findAppUserByEmail(getDb(), email);
  const isMatch = await verifyPassword(password, user?.passwordHash ?? (await timingTwin()));
  return user && isMatch ? user : null;
}

export function authOptions(): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: getSettings().SESSION_MAX_HOURS * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientAddress(request?.headers ?? {});
          // The limit holds here, where next-auth has read the body, whatever way the request reached it.
          const result = await checkWithinLoginLimit(getDb(), email, ip, () =>
            checkCredentials(email, password),
          );
          if (result.retryAfter !== null) throw new Error(tooManyAttemptsError(result.retryAfter));
          const { user } = result;
          if (!user) return null;
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = await startSession(getDb(), user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.uid as string;
          session.user.role = token.role as Role;
          session.user.sid = token.sid as string;
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(getDb(), token.sid, "signed_out");
      },
    },
  };
}
