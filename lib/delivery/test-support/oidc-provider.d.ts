// oidc-provider ships no types; this covers the little the test OAuth2 server uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    ClientCredentials: { find(token: string): Promise<{ clientId: string; scope?: string } | undefined> };
  }
}
