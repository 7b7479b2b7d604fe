// A real OpenID Provider (npm `oidc-provider`) on 127.0.0.1 with an ephemeral port, for trying
// the console's generated token requests. Only bash (curl) talks to it; the page never does.
import http from 'node:http';
import Provider from 'oidc-provider';

/** The scope the provider grants to every registered client, to try the Scope field with. */
export const SCOPE = 'api:read';

/**
 * Starts a provider with `clients` (`{ client_id, client_secret, token_endpoint_auth_method }`)
 * allowed the client_credentials grant. Returns { tokenEndpoint, close }.
 */
export async function startProvider(clients) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      ...client,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: SCOPE,
    })),
    scopes: [SCOPE],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    cookies: { keys: ['test-only-cookie-key'] },
  });
  server.on('request', provider.callback());
  return {
    tokenEndpoint: `${issuer}/token`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
