import type { IncomingHttpHeaders } from "node:http";
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
  /** Headers of the latest token request (to see how the client authenticated). */
  lastTokenHeaders: IncomingHttpHeaders | undefined;
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
  const state: { lifetime: number; tokenRequests: number; headers?: IncomingHttpHeaders } = {
    lifetime: 600,
    tokenRequests: 0,
  };
  const tokenLifetime = () => state.lifetime;
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
    ttl: { ClientCredentials: tokenLifetime },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/token")) {
      state.tokenRequests += 1;
      state.headers = req.headers;
    }
    callback(req, res);
  });
  return {
    tokenUrl: `${issuer}/token`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    get lastTokenHeaders() {
      return state.headers;
    },
    isValid: async (token) =>
      token !== undefined && (await provider.ClientCredentials.find(token)) !== undefined,
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
