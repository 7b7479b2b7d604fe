// A PingOne Platform API emulator for the console's end-to-end tests. PingOne cannot be reached
// from the test machine, so Chromium runs the console against this instead; a lenient emulator
// would let through a console that fails on the real service, so every behaviour follows
// PingOne's public API reference and every guess is listed in README.md beside it.
//
// Three servers on three ports, so three origins, none the console's, and Chromium enforces CORS
// between them as it does between the console and PingOne:
// - the API origin (api.pingone.<tld>/v1): applications and their secrets;
// - the auth origin (auth.pingone.<tld>/<envID>/as): sign-on, PKCE code flow, client credentials;
// - the control origin (tests only): state, reseeding, faults, changes made "elsewhere".
//
//   node tests/pingone-emulator/server.mjs --api-port 4191 --auth-port 4192 --control-port 4193 \
//     --console-origin http://127.0.0.1:4173 --redirect-uri http://127.0.0.1:4173/ \
//     [--applications N] [--token-lifetime SECONDS]
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ADMINISTRATOR, ADMIN_CLIENT_ID, ENVIRONMENT_ID, generateSecret, seedApplications } from './seed.mjs';

const HOST = '127.0.0.1';
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Previous-secret retention bounds: "Supported time range is 1 minute to 30 days." */
const PREVIOUS_SECRET_MIN_MS = MINUTE_MS;
const PREVIOUS_SECRET_MAX_MS = 30 * DAY_MS;
const AUTHORIZATION_CODE_LIFETIME_MS = 60 * 1000;
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const REQUEST_LOG_LIMIT = 10000;
const SESSION_COOKIE = 'ST';

/** The request headers PingOne lets through a CORS preflight (API reference, CORS). */
const CORS_ALLOWED_REQUEST_HEADERS = [
  'Accept', 'Accept-Language', 'Content-Language', 'Content-Type', 'Range', 'Authorization',
  'Content-Length', 'Cookie', 'Correlation-Id', 'Origin', 'Origin-Cookies', 'Referer', 'Referrer',
  'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key', 'X-client-version', 'X-Content-Type-Options',
];
const CORS_ALLOWED_REQUEST_HEADER_SET = new Set(CORS_ALLOWED_REQUEST_HEADERS.map((name) => name.toLowerCase()));
const CORS_ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_MAX_AGE_SECONDS = '3600';

const APPLICATION_TYPES = new Set(['WEB_APP', 'NATIVE_APP', 'SINGLE_PAGE_APP', 'WORKER', 'SERVICE', 'CUSTOM_APP']);
const PROTOCOLS = new Set(['OPENID_CONNECT', 'SAML', 'WS_FED']);
const TOKEN_ENDPOINT_AUTH_METHODS = new Set(['NONE', 'CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'CLIENT_SECRET_JWT', 'PRIVATE_KEY_JWT']);
const SECRET_AUTH_METHODS = new Set(['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'CLIENT_SECRET_JWT', 'PRIVATE_KEY_JWT']);
/** Attributes the server owns: ignored when a client sends them. */
const READ_ONLY_ATTRIBUTES = new Set(['id', 'environment', 'createdAt', 'updatedAt', '_links', '_embedded']);
/** Attributes a PUT or POST must carry, by protocol (Applications data models, "Required"). */
const REQUIRED_BY_PROTOCOL = {
  OPENID_CONNECT: ['grantTypes', 'tokenEndpointAuthMethod'],
  SAML: ['acsUrls', 'spEntityId'],
  WS_FED: ['domainName', 'replyUrl'],
};

const MESSAGES = {
  invalidData: 'The request could not be completed. One or more validation errors were in the request.',
  invalidRequest: 'The request could not be completed. The request was malformed or invalid.',
  unsupportedMediaType: 'The request could not be completed. The request content type is not supported.',
  notFound: 'The request could not be completed. The requested resource was not found.',
  accessFailed: 'The request could not be completed. You do not have access to this resource.',
  notAuthorized: 'The actor attempting to perform the request is not authorized.',
  methodNotAllowed: 'The request could not be completed. The request method is not supported for this resource.',
  requestLimited: 'The request could not be completed. You have exceeded your request limit.',
  unexpected: 'The request could not be completed. An unexpected error occurred.',
};

// ---------------------------------------------------------------------------------------------
// Responses

function jsonResponse(status, body, headers = {}) {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function emptyResponse(status, headers = {}) {
  return { status, headers, body: '' };
}

function htmlResponse(status, html, headers = {}) {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, body: html };
}

function redirectResponse(location, headers = {}) {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', ...headers }, body: '' };
}

/** PingOne's error body: `{id, code, message, details?}` (Error codes reference). */
function pingOneError(status, code, message, details, headers) {
  return jsonResponse(status, { id: randomUUID(), code, message, ...(details ? { details } : {}) }, headers);
}

/** An OAuth 2.0 error body (RFC 6749 §5.2), as the authorization server answers. */
function oauthError(status, error, description, headers = {}) {
  return jsonResponse(status, { error, error_description: description }, { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers });
}

const notFound = () => pingOneError(404, 'NOT_FOUND', MESSAGES.notFound);

function rateLimited(retryAfterSeconds) {
  const retryAfter = new Date(Date.now() + retryAfterSeconds * 1000).toISOString();
  return pingOneError(429, 'REQUEST_LIMITED', MESSAGES.requestLimited,
    [{ code: 'LIMIT_EXCEEDED', message: 'The request rate limit was exceeded.', innerError: { retryAfter } }],
    { 'Retry-After': String(retryAfterSeconds) });
}

const unexpectedError = () => pingOneError(500, 'UNEXPECTED_ERROR', MESSAGES.unexpected);

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------
// Tokens: RS256 JWTs signed with a key made at start-up, published at /{envID}/as/jwks

const base64url = (data) => Buffer.from(data).toString('base64url');

function createSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  return {
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'RS256' }] },
    signJwt(claims) {
      const signingInput = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keyId }))}.${base64url(JSON.stringify(claims))}`;
      return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
    },
  };
}

const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');

function sameText(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

// ---------------------------------------------------------------------------------------------
// State

function createState({ consoleOrigins, redirectUris, applicationCount }) {
  const state = {
    applications: new Map(),
    /** appID → { secret, previous: { secret, expiresAt (ms), lastUsed (ms) | null } | null } */
    secrets: new Map(),
    /** access token → { expiresAt (ms), subject, clientId } */
    accessTokens: new Map(),
    /** code → { clientId, redirectUri, codeChallenge, codeChallengeMethod, scope, nonce, sessionId, expiresAt } */
    authorizationCodes: new Map(),
    /** session cookie value → { userId, authTime (s) } */
    sessions: new Map(),
    /** flowId → the authorization request waiting for the sign-on form */
    signOnFlows: new Map(),
    faults: [],
    requestLog: [],

    reset(count = applicationCount) {
      const startedAt = performance.now();
      const now = Date.now();
      this.applications.clear();
      this.secrets.clear();
      this.accessTokens.clear();
      this.authorizationCodes.clear();
      this.sessions.clear();
      this.signOnFlows.clear();
      this.faults.length = 0;
      this.requestLog.length = 0;
      for (const { seedSecret, ...application } of seedApplications({ consoleOrigins, redirectUris, applicationCount: count })) {
        const stored = { ...application, environment: { id: ENVIRONMENT_ID } };
        this.applications.set(stored.id, stored);
        if (stored.protocol === 'OPENID_CONNECT') {
          const previous = seedSecret
            ? {
                secret: generateSecret(),
                expiresAt: now + seedSecret.previousValidForMs,
                lastUsed: seedSecret.previousLastUsedAgoMs ? now - seedSecret.previousLastUsedAgoMs : null,
              }
            : null;
          this.secrets.set(stored.id, { secret: generateSecret(), previous });
        }
      }
      return { applications: this.applications.size, seedMilliseconds: Math.round((performance.now() - startedAt) * 10) / 10 };
    },

    /** The previous secret while it is unexpired; an expired one is forgotten. */
    livePrevious(applicationId, now = Date.now()) {
      const record = this.secrets.get(applicationId);
      if (record?.previous && record.previous.expiresAt <= now) record.previous = null;
      return record?.previous ?? null;
    },

    /** New secret; the old one becomes the previous until `previousExpiresAt`, or dies now. */
    rotateSecret(applicationId, previousExpiresAt) {
      const record = this.secrets.get(applicationId);
      record.previous = previousExpiresAt === undefined ? null : { secret: record.secret, expiresAt: previousExpiresAt, lastUsed: null };
      record.secret = generateSecret();
    },

    takeFault(method, path) {
      const index = this.faults.findIndex((fault) => (!fault.method || fault.method === method) && fault.matches(path));
      if (index < 0) return undefined;
      const fault = this.faults[index];
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.splice(index, 1);
      return fault;
    },

    log(entry) {
      this.requestLog.push(entry);
      if (this.requestLog.length > REQUEST_LOG_LIMIT) this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_LIMIT);
    },
  };
  state.reset();
  return state;
}

/** Every update moves `updatedAt` forward, even twice within one millisecond. */
function nextUpdatedAt(previousIso) {
  return new Date(Math.max(Date.now(), Date.parse(previousIso) + 1)).toISOString();
}

// ---------------------------------------------------------------------------------------------
// One origin's HTTP server: correlation IDs, request log, faults, CORS

async function readRequest(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const url = new URL(req.url, 'http://emulator.invalid');
  return { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Answers a request whose response is to be lost: the request was processed, then the first
 * line of the answer is written and the connection closed. Some bytes must arrive first:
 * Chromium resends a request on its own when a reused keep-alive connection closes before any
 * byte of the answer arrives, which would apply a POST twice behind the console's back.
 */
function dropAfterStatusLine(socket, status) {
  socket.write(`HTTP/1.1 ${status} \r\n`, () => socket.destroy());
}

function createOriginServer({ originName, state, route, preflight, corsHeaders, faultable }) {
  return createServer(async (req, res) => {
    const correlationId = randomUUID();
    let request;
    let response;
    let fault;
    try {
      request = await readRequest(req);
      const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
      fault = faultable && !isPreflight ? state.takeFault(request.method, request.path) : undefined;
      if (fault?.kind === 'slow') await delay(fault.delayMs);
      if (isPreflight) response = preflight(request);
      else if (fault?.kind === 'status429') response = rateLimited(fault.retryAfterSeconds);
      else if (fault?.kind === 'status500') response = unexpectedError();
      else response = await route(request);
      if (!isPreflight) response.headers = { ...corsHeaders(request), ...response.headers };
    } catch (error) {
      console.error(`[pingone-emulator ${originName}]`, error);
      response = unexpectedError();
    }
    response.headers['Correlation-Id'] = correlationId;
    const dropped = fault?.kind === 'drop';
    state.log({ origin: originName, method: req.method, path: request?.path ?? req.url, status: response.status, time: new Date().toISOString(), correlationId, ...(dropped ? { dropped } : {}) });
    if (dropped) {
      dropAfterStatusLine(req.socket, response.status);
      return;
    }
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  });
}

/** A preflight: allowed when the method and every requested header are in PingOne's lists. */
function answerPreflight(request, allowOrigin) {
  const requestedHeaders = (request.headers['access-control-request-headers'] ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const method = request.headers['access-control-request-method'];
  const allowed = allowOrigin && CORS_ALLOWED_METHODS.split(', ').includes(method) && requestedHeaders.every((name) => CORS_ALLOWED_REQUEST_HEADER_SET.has(name));
  if (!allowed) return emptyResponse(403, { Vary: 'Origin' });
  return emptyResponse(204, {
    'Access-Control-Allow-Origin': allowOrigin,
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_REQUEST_HEADERS.join(', '),
    'Access-Control-Max-Age': CORS_MAX_AGE_SECONDS,
    Vary: 'Origin',
  });
}

/** Headers for a token-bearing request: any origin is trusted, only Correlation-Id is exposed. */
function anyOriginCors(request) {
  return request.headers.origin ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Correlation-Id' } : {};
}

function originAllowedBy(application, origin) {
  const settings = application?.corsSettings;
  return Boolean(origin && settings?.behavior === 'ALLOW_SPECIFIC_ORIGINS' && settings.origins?.includes(origin));
}

function listen(server, port) {
  server.listen(port, HOST);
  return once(server, 'listening').then(() => `http://${HOST}:${server.address().port}`);
}

// ---------------------------------------------------------------------------------------------
// API origin: /v1/environments/{envID}/applications[/{appID}[/secret]]

function parseJsonBody(request) {
  if (request.body.trim() === '') return { value: undefined };
  if (!/^application\/(.+\+)?json\b/i.test(request.headers['content-type'] ?? '')) {
    return { error: pingOneError(415, 'INVALID_REQUEST', MESSAGES.unsupportedMediaType) };
  }
  try {
    return { value: JSON.parse(request.body) };
  } catch {
    return { error: pingOneError(400, 'INVALID_REQUEST', MESSAGES.invalidRequest) };
  }
}

const isPresent = (value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Validation details for an application body (PUT or create), or [] when it is acceptable. */
function applicationBodyProblems(body, existing) {
  const problems = [];
  const required = (target) => problems.push({ code: 'REQUIRED_VALUE', target, message: `${target} is required.` });
  const invalid = (target, message) => problems.push({ code: 'INVALID_VALUE', target, message });
  if (!isPresent(body.name)) required('name');
  else if (typeof body.name !== 'string') invalid('name', 'name must be a string.');
  if (body.enabled === undefined || body.enabled === null) required('enabled');
  else if (typeof body.enabled !== 'boolean') invalid('enabled', 'enabled must be a boolean.');
  if (!isPresent(body.type)) required('type');
  else if (!APPLICATION_TYPES.has(body.type)) invalid('type', `type must be one of ${[...APPLICATION_TYPES].join(', ')}.`);
  else if (existing && body.type !== existing.type) invalid('type', 'type cannot be changed.');
  if (!isPresent(body.protocol)) required('protocol');
  else if (!PROTOCOLS.has(body.protocol)) invalid('protocol', `protocol must be one of ${[...PROTOCOLS].join(', ')}.`);
  else if (existing && body.protocol !== existing.protocol) invalid('protocol', 'protocol cannot be changed.');
  for (const target of REQUIRED_BY_PROTOCOL[body.protocol] ?? []) if (!isPresent(body[target])) required(target);
  if (body.protocol === 'OPENID_CONNECT' && isPresent(body.tokenEndpointAuthMethod) && !TOKEN_ENDPOINT_AUTH_METHODS.has(body.tokenEndpointAuthMethod)) {
    invalid('tokenEndpointAuthMethod', `tokenEndpointAuthMethod must be one of ${[...TOKEN_ENDPOINT_AUTH_METHODS].join(', ')}.`);
  }
  return problems;
}

function withoutReadOnly(body) {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !READ_ONLY_ATTRIBUTES.has(name)));
}

/** Whether the application has a secret resource: OIDC with a secret-based auth method. */
function hasSecretResource(application) {
  return application.protocol === 'OPENID_CONNECT' && SECRET_AUTH_METHODS.has(application.tokenEndpointAuthMethod);
}

function createApiRoute({ state, apiOrigin }) {
  const environmentPath = `${apiOrigin()}/v1/environments/${ENVIRONMENT_ID}`;
  const applicationJson = (application) => ({
    _links: { self: { href: `${environmentPath}/applications/${application.id}` }, environment: { href: environmentPath } },
    ...application,
  });
  const secretJson = (application) => {
    const record = state.secrets.get(application.id);
    const previous = state.livePrevious(application.id);
    return {
      _links: {
        self: { href: `${environmentPath}/applications/${application.id}/secret` },
        environment: { href: environmentPath },
        application: { href: `${environmentPath}/applications/${application.id}` },
      },
      environment: { id: ENVIRONMENT_ID },
      secret: record.secret,
      ...(previous ? {
        previous: {
          secret: previous.secret,
          expiresAt: new Date(previous.expiresAt).toISOString(),
          ...(previous.lastUsed ? { lastUsed: new Date(previous.lastUsed).toISOString() } : {}),
        },
      } : {}),
    };
  };
  const methodNotAllowed = (allow) => pingOneError(405, 'METHOD_NOT_ALLOWED', MESSAGES.methodNotAllowed, undefined, { Allow: allow });
  const invalidData = (details) => pingOneError(400, 'INVALID_DATA', MESSAGES.invalidData, details);

  function createApplication(request) {
    const { value: body, error } = parseJsonBody(request);
    if (error) return error;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return pingOneError(400, 'INVALID_REQUEST', MESSAGES.invalidRequest);
    const problems = applicationBodyProblems(body);
    if (problems.length) return invalidData(problems);
    const now = new Date().toISOString();
    const application = { id: randomUUID(), environment: { id: ENVIRONMENT_ID }, ...withoutReadOnly(body), createdAt: now, updatedAt: now };
    state.applications.set(application.id, application);
    if (application.protocol === 'OPENID_CONNECT') state.secrets.set(application.id, { secret: generateSecret(), previous: null });
    return jsonResponse(201, applicationJson(application));
  }

  function replaceApplication(request, existing) {
    const { value: body, error } = parseJsonBody(request);
    if (error) return error;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return pingOneError(400, 'INVALID_REQUEST', MESSAGES.invalidRequest);
    const problems = applicationBodyProblems(body, existing);
    if (problems.length) return invalidData(problems);
    const replacement = {
      id: existing.id,
      environment: existing.environment,
      ...withoutReadOnly(body),
      createdAt: existing.createdAt,
      updatedAt: nextUpdatedAt(existing.updatedAt),
    };
    state.applications.set(existing.id, replacement);
    return jsonResponse(200, applicationJson(replacement));
  }

  function rotateSecret(request, application) {
    const { value: body, error } = parseJsonBody(request);
    if (error) return error;
    const requestedExpiry = body?.previous?.expiresAt;
    if (requestedExpiry === undefined) {
      state.rotateSecret(application.id, undefined);
      return jsonResponse(200, secretJson(application));
    }
    const expiresAt = typeof requestedExpiry === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(requestedExpiry)
      ? Date.parse(requestedExpiry)
      : Number.NaN;
    if (Number.isNaN(expiresAt)) {
      return invalidData([{ code: 'INVALID_VALUE', target: 'previous.expiresAt', message: 'previous.expiresAt must be an RFC 3339 date-time.' }]);
    }
    const aheadMs = expiresAt - Date.now();
    if (aheadMs < PREVIOUS_SECRET_MIN_MS || aheadMs > PREVIOUS_SECRET_MAX_MS) {
      return invalidData([{ code: 'OUT_OF_RANGE', target: 'previous.expiresAt', message: 'previous.expiresAt must be between 1 minute and 30 days from now. Supported time range is 1 minute to 30 days.' }]);
    }
    state.rotateSecret(application.id, expiresAt);
    return jsonResponse(200, secretJson(application));
  }

  return async function routeApi(request) {
    const match = /^\/v1\/environments\/([^/]+)\/applications(?:\/([^/]+)(\/secret)?)?\/?$/.exec(request.path);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const grant = bearer && state.accessTokens.get(bearer);
    if (!grant || grant.expiresAt <= Date.now()) {
      return pingOneError(401, 'ACCESS_FAILED', MESSAGES.accessFailed, [{ code: 'INVALID_TOKEN', message: 'The access token is invalid or expired.' }]);
    }
    if (!match) return notFound();
    const [, environmentId, applicationId, secretPath] = match;
    if (environmentId !== ENVIRONMENT_ID || grant.subject !== ADMINISTRATOR.id) {
      return pingOneError(403, 'ACCESS_FAILED', MESSAGES.notAuthorized, [{ code: 'INSUFFICIENT_PERMISSIONS', message: MESSAGES.notAuthorized }]);
    }
    if (!applicationId) {
      if (request.method === 'GET') {
        const applications = [...state.applications.values()].map(applicationJson);
        return jsonResponse(200, {
          _links: { self: { href: `${environmentPath}/applications` } },
          _embedded: { applications },
          count: applications.length,
          size: applications.length,
        });
      }
      if (request.method === 'POST') return createApplication(request);
      return methodNotAllowed('GET, POST');
    }
    const application = state.applications.get(applicationId);
    if (!secretPath) {
      if (!['GET', 'PUT', 'DELETE'].includes(request.method)) return methodNotAllowed('GET, PUT, DELETE');
      if (!application) return notFound();
      if (request.method === 'GET') return jsonResponse(200, applicationJson(application));
      if (request.method === 'PUT') return replaceApplication(request, application);
      state.applications.delete(applicationId);
      state.secrets.delete(applicationId);
      return emptyResponse(204);
    }
    if (!['GET', 'POST', 'DELETE'].includes(request.method)) return methodNotAllowed('GET, POST, DELETE');
    if (!application || !hasSecretResource(application)) return notFound();
    if (request.method === 'GET') return jsonResponse(200, secretJson(application));
    if (request.method === 'POST') return rotateSecret(request, application);
    if (!state.livePrevious(applicationId)) return notFound();
    state.secrets.get(applicationId).previous = null;
    return emptyResponse(204);
  };
}

// ---------------------------------------------------------------------------------------------
// Auth origin: /{envID}/as/... and the hosted sign-on form /{envID}/signon

function signOnPage({ flowId, environmentPath, error }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign On</title></head>
<body>
<main>
<h1>Sign On</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${environmentPath}/signon">
<input type="hidden" name="flowId" value="${escapeHtml(flowId)}">
<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit" name="action" value="signOn">Sign On</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>
</form>
</main>
</body>
</html>`;
}

function errorPage(status, message) {
  return htmlResponse(status, `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Error</title></head>
<body><main><h1>Error</h1><p role="alert">${escapeHtml(message)}</p></main></body>
</html>`);
}

function parseCookies(header = '') {
  return Object.fromEntries(header.split(';').map((part) => part.trim().split('=')).filter(([name, value]) => name && value !== undefined));
}

/** The client credentials a token request carries: Basic header and/or form fields. */
function presentedClientCredentials(request, form) {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const formDecode = (text) => decodeURIComponent(text.replace(/\+/g, ' '));
    try {
      return { method: 'CLIENT_SECRET_BASIC', clientId: formDecode(decoded.slice(0, separator)), secret: formDecode(decoded.slice(separator + 1)), alsoInForm: form.has('client_secret') };
    } catch {
      return { method: 'MALFORMED' };
    }
  }
  if (form.has('client_secret')) return { method: 'CLIENT_SECRET_POST', clientId: form.get('client_id'), secret: form.get('client_secret') };
  return { method: 'NONE', clientId: form.get('client_id') };
}

function createAuthRoute({ state, signer, authOrigin, tokenLifetimeSeconds }) {
  const environmentPath = `/${ENVIRONMENT_ID}`;
  const issuer = () => `${authOrigin()}${environmentPath}/as`;
  const sessionCookie = (value, maxAge) => `${SESSION_COOKIE}=${value}; Path=${environmentPath}; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

  function redirectWithParams(redirectUri, params) {
    const location = new URL(redirectUri);
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null) location.searchParams.set(name, value);
    return location.href;
  }

  function issueCode(flow, sessionId) {
    const code = randomBytes(32).toString('base64url');
    state.authorizationCodes.set(code, { ...flow, sessionId, expiresAt: Date.now() + AUTHORIZATION_CODE_LIFETIME_MS });
    return redirectResponse(redirectWithParams(flow.redirectUri, { code, state: flow.state }));
  }

  function currentSession(request) {
    const sessionId = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    return sessionId && state.sessions.has(sessionId) ? sessionId : undefined;
  }

  function authorize(request) {
    const query = request.query;
    const clientId = query.get('client_id');
    const redirectUri = query.get('redirect_uri');
    const application = clientId ? state.applications.get(clientId) : undefined;
    // RFC 6749 §4.1.2.1: an unknown client or unregistered redirect URI is never redirected to.
    if (!application || application.protocol !== 'OPENID_CONNECT' || !application.grantTypes?.includes('AUTHORIZATION_CODE')) {
      return errorPage(400, 'The request could not be completed. The client_id is not valid for this environment.');
    }
    if (!redirectUri || !application.redirectUris?.includes(redirectUri)) {
      return errorPage(400, 'The request could not be completed. The redirect_uri is not registered for the application.');
    }
    const fail = (error, description) => redirectResponse(redirectWithParams(redirectUri, { error, error_description: description, state: query.get('state') }));
    if (!application.enabled) return fail('unauthorized_client', 'The application is disabled.');
    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    if (!scopes.includes('openid')) return fail('invalid_scope', 'The scope must include openid.');
    const codeChallenge = query.get('code_challenge');
    const codeChallengeMethod = query.get('code_challenge_method') ?? (codeChallenge ? 'plain' : undefined);
    const pkce = application.pkceEnforcement ?? 'OPTIONAL';
    if (pkce !== 'OPTIONAL' && !codeChallenge) return fail('invalid_request', 'code_challenge is required by the application\u2019s PKCE enforcement.');
    if (pkce === 'S256_REQUIRED' && codeChallengeMethod !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
    if (codeChallengeMethod && !['S256', 'plain'].includes(codeChallengeMethod)) return fail('invalid_request', 'code_challenge_method is not supported.');
    const flow = {
      clientId, redirectUri, scope: scopes.join(' '), state: query.get('state') ?? undefined,
      nonce: query.get('nonce') ?? undefined, codeChallenge: codeChallenge ?? undefined, codeChallengeMethod,
    };
    const prompt = query.get('prompt');
    const sessionId = currentSession(request);
    if (sessionId && prompt !== 'login') return issueCode(flow, sessionId);
    if (prompt === 'none') return fail('login_required', 'The user is not signed on.');
    const flowId = randomUUID();
    state.signOnFlows.set(flowId, flow);
    return htmlResponse(200, signOnPage({ flowId, environmentPath }));
  }

  function signOn(request) {
    const form = new URLSearchParams(request.body);
    const flowId = form.get('flowId');
    const flow = state.signOnFlows.get(flowId);
    if (!flow) return errorPage(400, 'The sign-on flow has expired or is not valid. Start again from the application.');
    if (form.get('action') === 'cancel') {
      state.signOnFlows.delete(flowId);
      return redirectResponse(redirectWithParams(flow.redirectUri, { error: 'access_denied', error_description: 'The user cancelled the sign-on.', state: flow.state }));
    }
    if (form.get('username') !== ADMINISTRATOR.username || !sameText(form.get('password') ?? '', ADMINISTRATOR.password)) {
      return htmlResponse(200, signOnPage({ flowId, environmentPath, error: 'Incorrect username or password.' }));
    }
    state.signOnFlows.delete(flowId);
    const sessionId = randomBytes(32).toString('base64url');
    state.sessions.set(sessionId, { userId: ADMINISTRATOR.id, authTime: Math.floor(Date.now() / 1000) });
    const response = issueCode(flow, sessionId);
    response.headers['Set-Cookie'] = sessionCookie(sessionId);
    return response;
  }

  function issueAccessToken({ subject, clientId, scope }) {
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = signer.signJwt({
      iss: issuer(), aud: ['https://api.pingone.com'], sub: subject, client_id: clientId, scope,
      env: ENVIRONMENT_ID, iat: issuedAt, exp: issuedAt + tokenLifetimeSeconds, jti: randomUUID(),
    });
    state.accessTokens.set(token, { expiresAt: (issuedAt + tokenLifetimeSeconds) * 1000, subject, clientId });
    return token;
  }

  /** Authenticates the client as its tokenEndpointAuthMethod demands; an error response if not. */
  function authenticateClient(request, form) {
    const presented = presentedClientCredentials(request, form);
    const application = presented.clientId ? state.applications.get(presented.clientId) : undefined;
    const challenge = presented.method === 'CLIENT_SECRET_BASIC' ? { 'WWW-Authenticate': 'Basic realm="PingOne"' } : {};
    const refuse = (description) => ({ error: oauthError(401, 'invalid_client', description, challenge) });
    if (!application || application.protocol !== 'OPENID_CONNECT') return refuse('Client authentication failed: unknown client.');
    if (!application.enabled) return refuse('Client authentication failed: the application is disabled.');
    const method = application.tokenEndpointAuthMethod;
    if (presented.method !== method || presented.alsoInForm) return refuse(`Client authentication failed: the application requires ${method}.`);
    if (method === 'NONE') return { application };
    const record = state.secrets.get(application.id);
    if (sameText(presented.secret, record.secret)) return { application };
    const previous = state.livePrevious(application.id);
    if (previous && sameText(presented.secret, previous.secret)) {
      previous.lastUsed = Date.now();
      return { application };
    }
    return refuse('Client authentication failed: invalid client secret.');
  }

  function token(request) {
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(request.body);
    const grantType = form.get('grant_type');
    if (!['authorization_code', 'client_credentials'].includes(grantType)) return oauthError(400, 'unsupported_grant_type', 'The grant_type is not supported.');
    const { application, error } = authenticateClient(request, form);
    if (error) return error;
    const tokenHeaders = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
    if (grantType === 'client_credentials') {
      if (!application.grantTypes?.includes('CLIENT_CREDENTIALS')) return oauthError(400, 'unauthorized_client', 'The application is not allowed the client_credentials grant.');
      const scope = form.get('scope') ?? undefined;
      const accessToken = issueAccessToken({ subject: application.id, clientId: application.id, scope });
      return jsonResponse(200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenLifetimeSeconds, ...(scope ? { scope } : {}) }, tokenHeaders);
    }
    const code = form.get('code') ?? '';
    const grant = state.authorizationCodes.get(code);
    state.authorizationCodes.delete(code);
    if (!grant || grant.expiresAt <= Date.now() || grant.clientId !== application.id) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
    if (form.get('redirect_uri') !== grant.redirectUri) return oauthError(400, 'invalid_grant', 'The redirect_uri does not match the authorization request.');
    if (grant.codeChallenge) {
      const verifier = form.get('code_verifier') ?? '';
      const expected = grant.codeChallengeMethod === 'S256' ? s256(verifier) : verifier;
      if (!verifier || !sameText(expected, grant.codeChallenge)) return oauthError(400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
    }
    const session = state.sessions.get(grant.sessionId);
    if (!session) return oauthError(400, 'invalid_grant', 'The session of the authorization code has ended.');
    const issuedAt = Math.floor(Date.now() / 1000);
    const idToken = signer.signJwt({
      iss: issuer(), aud: application.id, sub: ADMINISTRATOR.id, sid: grant.sessionId.slice(0, 16),
      name: ADMINISTRATOR.name, preferred_username: ADMINISTRATOR.username, env: ENVIRONMENT_ID,
      auth_time: session.authTime, iat: issuedAt, exp: issuedAt + tokenLifetimeSeconds,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    });
    const accessToken = issueAccessToken({ subject: ADMINISTRATOR.id, clientId: application.id, scope: grant.scope });
    return jsonResponse(200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenLifetimeSeconds, scope: grant.scope, id_token: idToken }, tokenHeaders);
  }

  function userinfo(request) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const grant = bearer && state.accessTokens.get(bearer);
    if (!grant || grant.expiresAt <= Date.now() || grant.subject !== ADMINISTRATOR.id) {
      return oauthError(401, 'invalid_token', 'The access token is invalid or expired.', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    return jsonResponse(200, { sub: ADMINISTRATOR.id, name: ADMINISTRATOR.name, preferred_username: ADMINISTRATOR.username, env: ENVIRONMENT_ID });
  }

  function signoff(request) {
    const sessionId = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    if (sessionId) state.sessions.delete(sessionId);
    const headers = { 'Set-Cookie': sessionCookie('', 0) };
    const postLogoutRedirectUri = request.query.get('post_logout_redirect_uri');
    if (!postLogoutRedirectUri) return htmlResponse(200, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed Off</title></head><body><main><h1>You are signed off.</h1></main></body></html>', headers);
    const hintedClientId = decodeJwtClaims(request.query.get('id_token_hint'))?.aud;
    const application = state.applications.get(hintedClientId ?? request.query.get('client_id') ?? '');
    if (!application?.postLogoutRedirectUris?.includes(postLogoutRedirectUri)) {
      return errorPage(400, 'The request could not be completed. The post_logout_redirect_uri is not registered for the application.');
    }
    return redirectResponse(redirectWithParams(postLogoutRedirectUri, { state: request.query.get('state') }), headers);
  }

  const discovery = () => jsonResponse(200, {
    issuer: issuer(),
    authorization_endpoint: `${issuer()}/authorize`,
    token_endpoint: `${issuer()}/token`,
    userinfo_endpoint: `${issuer()}/userinfo`,
    jwks_uri: `${issuer()}/jwks`,
    end_session_endpoint: `${issuer()}/signoff`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['plain', 'S256'],
    scopes_supported: ['openid', 'profile'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'name', 'preferred_username', 'env', 'sid'],
  });

  const routes = {
    'GET /as/.well-known/openid-configuration': discovery,
    'GET /as/jwks': () => jsonResponse(200, signer.jwks),
    'GET /as/authorize': authorize,
    'POST /signon': signOn,
    'POST /as/token': token,
    'GET /as/userinfo': userinfo,
    'GET /as/signoff': signoff,
  };

  return async function routeAuth(request) {
    if (!request.path.startsWith(`${environmentPath}/`)) return notFound();
    const handler = routes[`${request.method} ${request.path.slice(environmentPath.length)}`];
    return handler ? handler(request) : notFound();
  };
}

function decodeJwtClaims(jwt) {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Which origin the auth server lets read a response, by endpoint (see README, CORS). */
function authCorsHeaders(state, request) {
  const origin = request.headers.origin;
  if (!origin) return {};
  const endpoint = request.path.slice(ENVIRONMENT_ID.length + 1);
  if (['/as/.well-known/openid-configuration', '/as/jwks', '/as/userinfo'].includes(endpoint)) return anyOriginCors(request);
  if (endpoint !== '/as/token') return {};
  const form = new URLSearchParams(request.body);
  const clientId = presentedClientCredentials(request, form).clientId;
  return originAllowedBy(state.applications.get(clientId ?? ''), origin)
    ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Correlation-Id', Vary: 'Origin' }
    : { Vary: 'Origin' };
}

function authPreflight(state, request) {
  const origin = request.headers.origin;
  const endpoint = request.path.slice(ENVIRONMENT_ID.length + 1);
  if (['/as/.well-known/openid-configuration', '/as/jwks', '/as/userinfo'].includes(endpoint)) return answerPreflight(request, '*');
  const allowedBySomeApplication = endpoint === '/as/token' && [...state.applications.values()].some((application) => originAllowedBy(application, origin));
  return answerPreflight(request, allowedBySomeApplication ? origin : undefined);
}

// ---------------------------------------------------------------------------------------------
// Control origin (tests only)

function faultFrom(specification) {
  const kinds = ['status429', 'status500', 'drop', 'slow'];
  if (!kinds.includes(specification?.kind)) throw new Error(`kind must be one of ${kinds.join(', ')}`);
  if (typeof specification.pathPattern !== 'string' || specification.pathPattern === '') throw new Error('pathPattern is required');
  const pattern = specification.regex ? new RegExp(specification.pathPattern) : undefined;
  return {
    method: specification.method?.toUpperCase(),
    pathPattern: specification.pathPattern,
    regex: Boolean(specification.regex),
    kind: specification.kind,
    remaining: specification.count ?? 1,
    delayMs: specification.delayMs ?? 2000,
    retryAfterSeconds: specification.retryAfterSeconds ?? 1,
    matches: pattern ? (path) => pattern.test(path) : (path) => path.includes(specification.pathPattern),
  };
}

function createControlRoute({ state, origins }) {
  const controlError = (status, message) => jsonResponse(status, { error: message });
  const readJson = (request) => (request.body.trim() === '' ? {} : JSON.parse(request.body));

  function snapshot() {
    const now = Date.now();
    return {
      environmentId: ENVIRONMENT_ID,
      adminClientId: ADMIN_CLIENT_ID,
      origins: origins(),
      applications: [...state.applications.values()].map((application) => {
        const record = state.secrets.get(application.id);
        const previous = state.livePrevious(application.id, now);
        return {
          ...application,
          secretState: record
            ? {
                secret: record.secret,
                previous: previous
                  ? { secret: previous.secret, expiresAt: new Date(previous.expiresAt).toISOString(), lastUsed: previous.lastUsed ? new Date(previous.lastUsed).toISOString() : null }
                  : null,
              }
            : null,
        };
      }),
      faults: state.faults.map(({ method, pathPattern, regex, kind, remaining, delayMs }) => ({ method, pathPattern, regex, kind, remaining, delayMs })),
      requestLog: state.requestLog,
    };
  }

  return async function routeControl(request) {
    let body;
    try {
      body = readJson(request);
    } catch {
      return controlError(400, 'The body is not JSON.');
    }
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /state') return jsonResponse(200, snapshot());
    if (route === 'POST /reset') {
      const count = body.applications;
      if (count !== undefined && !(Number.isInteger(count) && count >= 0)) return controlError(400, 'applications must be a non-negative integer.');
      return jsonResponse(200, state.reset(count));
    }
    if (route === 'POST /faults') {
      try {
        const added = (Array.isArray(body) ? body : [body]).map(faultFrom);
        state.faults.push(...added);
        return jsonResponse(201, { faults: state.faults.length });
      } catch (error) {
        return controlError(400, error.message);
      }
    }
    if (route === 'DELETE /faults') {
      state.faults.length = 0;
      return emptyResponse(204);
    }
    if (route === 'POST /expire-tokens') {
      const now = Date.now();
      for (const grant of state.accessTokens.values()) grant.expiresAt = Math.min(grant.expiresAt, now - 1);
      return emptyResponse(204);
    }
    if (route === 'POST /expire-sessions') {
      state.sessions.clear();
      return emptyResponse(204);
    }
    const applicationMatch = /^\/applications\/([^/]+)(\/rotate)?$/.exec(request.path);
    if (request.method === 'POST' && applicationMatch) {
      const application = state.applications.get(applicationMatch[1]);
      if (!application) return controlError(404, 'No such application.');
      if (applicationMatch[2]) {
        if (!state.secrets.has(application.id)) return controlError(409, 'The application has no secret.');
        const requestedExpiry = body.previous?.expiresAt;
        const previousExpiresAt = requestedExpiry === undefined ? undefined : Date.parse(requestedExpiry);
        if (Number.isNaN(previousExpiresAt)) return controlError(400, 'previous.expiresAt must be a date-time.');
        state.rotateSecret(application.id, previousExpiresAt);
        return jsonResponse(200, snapshot().applications.find(({ id }) => id === application.id));
      }
      const changed = { ...application, ...withoutReadOnly(body), updatedAt: nextUpdatedAt(application.updatedAt) };
      state.applications.set(application.id, changed);
      if (changed.protocol === 'OPENID_CONNECT' && !state.secrets.has(changed.id)) state.secrets.set(changed.id, { secret: generateSecret(), previous: null });
      return jsonResponse(200, changed);
    }
    return controlError(404, `No control endpoint ${route}.`);
  };
}

const controlCors = (request) => (request.headers.origin ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Correlation-Id' } : {});

function controlPreflight(request) {
  return emptyResponse(204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '',
  });
}

// ---------------------------------------------------------------------------------------------
// Start-up

/**
 * Starts the three servers on 127.0.0.1 (port 0: any free port).
 * @param {{apiPort?: number, authPort?: number, controlPort?: number, consoleOrigins?: string[],
 *   redirectUris?: string[], applications?: number, tokenLifetimeSeconds?: number}} options
 */
export async function startEmulator({
  apiPort = 0, authPort = 0, controlPort = 0, consoleOrigins = [], redirectUris = [],
  applications = 0, tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS,
} = {}) {
  const state = createState({ consoleOrigins, redirectUris, applicationCount: applications });
  const signer = createSigner();
  const origins = { apiOrigin: '', authOrigin: '', controlOrigin: '' };
  const servers = [
    createOriginServer({
      originName: 'api', state, faultable: true,
      route: createApiRoute({ state, apiOrigin: () => origins.apiOrigin }),
      preflight: (request) => answerPreflight(request, request.headers.origin ? '*' : undefined),
      corsHeaders: anyOriginCors,
    }),
    createOriginServer({
      originName: 'auth', state, faultable: true,
      route: createAuthRoute({ state, signer, authOrigin: () => origins.authOrigin, tokenLifetimeSeconds }),
      preflight: (request) => authPreflight(state, request),
      corsHeaders: (request) => authCorsHeaders(state, request),
    }),
    createOriginServer({
      originName: 'control', state, faultable: false,
      route: createControlRoute({ state, origins: () => ({ ...origins }) }),
      preflight: controlPreflight,
      corsHeaders: controlCors,
    }),
  ];
  [origins.apiOrigin, origins.authOrigin, origins.controlOrigin] = await Promise.all(
    servers.map((server, index) => listen(server, [apiPort, authPort, controlPort][index])),
  );
  return {
    ...origins,
    environmentId: ENVIRONMENT_ID,
    adminClientId: ADMIN_CLIENT_ID,
    async close() {
      await Promise.all(servers.map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      }));
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'api-port': { type: 'string', default: '4191' },
      'auth-port': { type: 'string', default: '4192' },
      'control-port': { type: 'string', default: '4193' },
      'console-origin': { type: 'string', multiple: true, default: [] },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      applications: { type: 'string', default: '0' },
      'token-lifetime': { type: 'string', default: String(DEFAULT_TOKEN_LIFETIME_SECONDS) },
    },
  });
  const emulator = await startEmulator({
    apiPort: Number(values['api-port']),
    authPort: Number(values['auth-port']),
    controlPort: Number(values['control-port']),
    consoleOrigins: values['console-origin'],
    redirectUris: values['redirect-uri'],
    applications: Number(values.applications),
    tokenLifetimeSeconds: Number(values['token-lifetime']),
  });
  console.log([
    'PingOne emulator ready',
    `  API (Custom region "API")                  ${emulator.apiOrigin}/v1`,
    `  Authorization server (Custom region)       ${emulator.authOrigin}/${emulator.environmentId}`,
    `  Control (tests only)                       ${emulator.controlOrigin}`,
    `  Environment ID                             ${emulator.environmentId}`,
    `  Client ID (admin sign-on application)      ${emulator.adminClientId}`,
    `  Administrator                              ${ADMINISTRATOR.username} / ${ADMINISTRATOR.password} (${ADMINISTRATOR.name})`,
  ].join('\n'));
  const stop = () => emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
