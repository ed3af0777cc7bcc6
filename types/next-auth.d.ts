import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/model";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role; sid?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The app_sessions row this cookie belongs to. */
    sid?: string;
  }
}
