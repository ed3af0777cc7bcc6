/** Where a sign-in goes when it was not sent from a page (or the page named is not one of ours). */
export const DEFAULT_AFTER_SIGN_IN = "/integrations";

const LOCAL_ORIGIN = "http://lms-sync.invalid";

/**
 * The page to go to after signing in, from the login page's `callbackUrl`: a path on this site, or the default.
 * Read as a browser reads it, so `/\evil.com` and `/<TAB>/evil.com` (which browsers take for `//evil.com`, another
 * site) are refused, not only `//evil.com`.
 */
export function safeCallbackUrl(raw: string | undefined): string {
  if (!raw?.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  try {
    const url = new URL(raw, LOCAL_ORIGIN);
    if (url.origin !== LOCAL_ORIGIN) return DEFAULT_AFTER_SIGN_IN;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
}
