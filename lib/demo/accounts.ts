/** The demo logins `npm start` creates and prints; refused when the app runs in production. */
export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", password: "admin-demo", name: "Ada Admin", role: "admin" },
  { email: "viewer@example.com", password: "viewer-demo", name: "Victor Viewer", role: "viewer" },
] as const;

export function isDemoAccount(email: string): boolean {
  return DEMO_ACCOUNTS.some((a) => a.email === email.toLowerCase());
}
