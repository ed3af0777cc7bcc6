import https from "node:https";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { getTestPki } from "./pki";

export type OAuthClient = {
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes the client may request. */
  scope: string;
  authMethod?: "client_secret_basic" | "client_secret_post";
};

export type OAuthServer = {
  /** The token endpoint. */
  tokenUrl: string;
  /** Token requests seen (successful or not). */
  tokenRequests: number;
  /** Whether a bearer token was issued by this server and is still valid. */
  isValid(token: string | undefined): Promise<boolean>;
  /** Seconds a new token lives. */
  setTokenLifetime(seconds: number): void;
  close(): Promise<void>;
};

/** A real OAuth2 authorization server (oidc-provider) over HTTPS on 127.0.0.1 with the client-credentials grant. */
export async function startOAuthServer(clients: OAuthClient[], scopes: string[]): Promise<OAuthServer> {
  const pki = getTestPki();
  const server = https.createServer({ cert: pki.server.certPem, key: pki.server.keyPem });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = { lifetime: 600, tokenRequests: 0 };
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      scope: c.scope,
      token_endpoint_auth_method: c.authMethod ?? "client_secret_basic",
    })),
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    scopes,
    ttl: { ClientCredentials: () => state.lifetime },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/token")) state.tokenRequests += 1;
    callback(req, res);
  });
  return {
    tokenUrl: `${issuer}/token`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    isValid: async (token) => token !== undefined && (await provider.ClientCredentials.find(token)) !== undefined,
    setTokenLifetime: (seconds) => {
      state.lifetime = seconds;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
