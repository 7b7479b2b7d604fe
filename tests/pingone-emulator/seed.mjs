// The PingOne environment the emulator starts with: one environment, one administrator, the
// administrators' sign-on application and a dozen named applications covering every application
// type, protocol and token endpoint authentication method the console has to show. IDs, names
// and timestamps are fixed so tests can name them; secrets are random on every seeding, as
// PingOne's are. Attribute names follow the Applications data models
// (https://developer.pingidentity.com/pingone-api/platform/applications/applications-1.html).
import { randomBytes } from 'node:crypto';

export const ENVIRONMENT_ID = '3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b';
export const ADMIN_CLIENT_ID = 'c5e0a1b2-7d3f-4a6e-9b8c-0d1e2f3a4b5c';
export const ADMINISTRATOR = Object.freeze({
  id: 'a7d3e9f1-2b4c-4d5e-8f6a-7b8c9d0e1f2a',
  username: 'admin',
  password: '2FederateM0re!',
  name: 'Ada Admin',
});

/** RFC 3986 unreserved characters: the alphabet seen in PingOne secrets (letters, digits, `-._~`). */
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const SECRET_LENGTH = 64;
/** Largest multiple of the alphabet size below 256, so every character is equally likely. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % SECRET_ALPHABET.length);

/** A new client secret: 64 characters from crypto.randomBytes, without modulo bias. */
export function generateSecret() {
  let secret = '';
  while (secret.length < SECRET_LENGTH) {
    for (const byte of randomBytes(SECRET_LENGTH * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT && secret.length < SECRET_LENGTH) secret += SECRET_ALPHABET[byte % SECRET_ALPHABET.length];
    }
  }
  return secret;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const IDP_SIGNING = { key: { id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' }, algorithm: 'SHA256withRSA' };

/**
 * The named applications, without `environment`, `_links` or secrets (added by the state).
 * `seedSecret` says how the secret starts: `previous` gives a previous secret that is still
 * valid for that many milliseconds, `previousLastUsedAgoMs` a reported use of it.
 */
function namedApplications({ consoleOrigins, redirectUris }) {
  return [
    {
      id: ADMIN_CLIENT_ID,
      name: 'Client Secret Console',
      description: 'Sign-on application of the Client Secret Console administrators.',
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-01-08T09:00:00.000Z',
      updatedAt: '2024-01-08T09:00:00.000Z',
      accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
      assignActorRoles: false,
      grantTypes: ['AUTHORIZATION_CODE'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'NONE',
      pkceEnforcement: 'S256_REQUIRED',
      redirectUris: [...redirectUris],
      postLogoutRedirectUris: [...redirectUris],
      corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: [...consoleOrigins] },
    },
    {
      id: '5eed0001-1a2b-4c3d-8e4f-000000000001',
      name: 'Billing Portal',
      description: 'Customer-facing billing web site.',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-02-12T10:30:00.000Z',
      updatedAt: '2024-06-03T14:05:00.000Z',
      homePageUrl: 'https://billing.example.com/',
      loginPageUrl: 'https://billing.example.com/login',
      grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      pkceEnforcement: 'OPTIONAL',
      redirectUris: ['https://billing.example.com/callback'],
      postLogoutRedirectUris: ['https://billing.example.com/'],
      refreshTokenDuration: 2592000,
      refreshTokenRollingDuration: 15552000,
      corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: ['https://billing.example.com'] },
      tags: ['PING_FED_CONNECTION_INTEGRATION'],
    },
    {
      id: '5eed0002-1a2b-4c3d-8e4f-000000000002',
      name: 'Partner Reporting',
      description: 'Reports shared with resellers; previous secret still in use by one partner.',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-02-20T08:00:00.000Z',
      updatedAt: '2024-05-11T16:45:00.000Z',
      grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
      pkceEnforcement: 'REQUIRED',
      redirectUris: ['https://reports.partner.example.com/oidc/callback'],
      refreshTokenDuration: 2592000,
      seedSecret: { previousValidForMs: 2 * DAY_MS, previousLastUsedAgoMs: 3 * 60 * 60 * 1000 },
    },
    {
      id: '5eed0003-1a2b-4c3d-8e4f-000000000003',
      name: 'Orders API Gateway',
      description: 'Machine-to-machine access for the order pipeline.',
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-03-01T12:00:00.000Z',
      updatedAt: '2024-03-01T12:00:00.000Z',
      assignActorRoles: false,
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    },
    {
      id: '5eed0004-1a2b-4c3d-8e4f-000000000004',
      name: 'Inventory Sync',
      description: 'Nightly inventory synchronisation; secret being rotated.',
      enabled: true,
      type: 'SERVICE',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-03-15T07:20:00.000Z',
      updatedAt: '2024-07-02T09:10:00.000Z',
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
      seedSecret: { previousValidForMs: 7 * DAY_MS },
    },
    {
      id: '5eed0005-1a2b-4c3d-8e4f-000000000005',
      name: 'Customer Dashboard',
      description: 'Single-page dashboard; public client with PKCE.',
      enabled: true,
      type: 'SINGLE_PAGE_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-04-02T11:00:00.000Z',
      updatedAt: '2024-04-02T11:00:00.000Z',
      grantTypes: ['AUTHORIZATION_CODE'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'NONE',
      pkceEnforcement: 'S256_REQUIRED',
      redirectUris: ['https://dashboard.example.com/'],
      postLogoutRedirectUris: ['https://dashboard.example.com/'],
      corsSettings: { behavior: 'ALLOW_SPECIFIC_ORIGINS', origins: ['https://dashboard.example.com'] },
    },
    {
      id: '5eed0006-1a2b-4c3d-8e4f-000000000006',
      name: 'Field Service Mobile',
      description: 'Technicians\u2019 mobile application.',
      enabled: true,
      type: 'NATIVE_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-04-18T13:40:00.000Z',
      updatedAt: '2024-08-09T10:00:00.000Z',
      grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'NONE',
      pkceEnforcement: 'S256_REQUIRED',
      redirectUris: ['com.example.fieldservice://callback'],
      refreshTokenDuration: 7776000,
    },
    {
      id: '5eed0007-1a2b-4c3d-8e4f-000000000007',
      name: 'Payroll Connector',
      description: 'Signs its token requests with the client secret (HS256).',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-05-06T09:30:00.000Z',
      updatedAt: '2024-05-06T09:30:00.000Z',
      grantTypes: ['AUTHORIZATION_CODE'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT',
      pkceEnforcement: 'OPTIONAL',
      redirectUris: ['https://payroll.example.com/sso/callback'],
    },
    {
      id: '5eed0008-1a2b-4c3d-8e4f-000000000008',
      name: 'Data Warehouse Loader',
      description: 'Authenticates with a private key JWT.',
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-05-21T15:15:00.000Z',
      updatedAt: '2024-05-21T15:15:00.000Z',
      assignActorRoles: false,
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
      jwksUrl: 'https://warehouse.example.com/.well-known/jwks.json',
    },
    {
      id: '5eed0009-1a2b-4c3d-8e4f-000000000009',
      name: 'Support Desk Integration',
      description: 'Custom application for the ticketing vendor.',
      enabled: true,
      type: 'CUSTOM_APP',
      protocol: 'OPENID_CONNECT',
      createdAt: '2024-06-10T08:45:00.000Z',
      updatedAt: '2024-06-10T08:45:00.000Z',
      grantTypes: ['AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      pkceEnforcement: 'OPTIONAL',
      redirectUris: ['https://support.example.com/auth/callback'],
    },
    {
      id: '5eed000a-1a2b-4c3d-8e4f-00000000000a',
      name: 'Retired Batch Exporter',
      description: 'Disabled; kept for audit.',
      enabled: false,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      createdAt: '2023-11-02T10:00:00.000Z',
      updatedAt: '2024-01-15T10:00:00.000Z',
      assignActorRoles: false,
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
    },
    {
      id: '5eed000b-1a2b-4c3d-8e4f-00000000000b',
      name: 'Legacy Intranet',
      description: 'SAML service provider.',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'SAML',
      createdAt: '2023-09-12T09:00:00.000Z',
      updatedAt: '2024-02-01T09:00:00.000Z',
      acsUrls: ['https://intranet.example.com/saml/acs'],
      spEntityId: 'urn:example:intranet',
      assertionDuration: 3600,
      assertionSigned: true,
      responseSigned: false,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      sloBinding: 'HTTP_POST',
      sloEndpoint: 'https://intranet.example.com/saml/slo',
      idpSigning: IDP_SIGNING,
    },
    {
      id: '5eed000c-1a2b-4c3d-8e4f-00000000000c',
      name: 'Office 365',
      description: 'WS-Federation relying party.',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'WS_FED',
      createdAt: '2023-10-05T09:00:00.000Z',
      updatedAt: '2023-10-05T09:00:00.000Z',
      domainName: 'example.com',
      replyUrl: 'https://login.microsoftonline.com/login.srf',
      audienceRestriction: 'urn:federation:MicrosoftOnline',
      subjectNameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      sloEndpoint: 'https://login.microsoftonline.com/logout.srf',
      idpSigning: IDP_SIGNING,
    },
  ];
}

/** Shapes the generated applications cycle through, so a large list mixes every kind. */
const GENERATED_SHAPES = [
  { type: 'WEB_APP', protocol: 'OPENID_CONNECT', grantTypes: ['AUTHORIZATION_CODE'], responseTypes: ['CODE'], tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', pkceEnforcement: 'OPTIONAL' },
  { type: 'WORKER', protocol: 'OPENID_CONNECT', grantTypes: ['CLIENT_CREDENTIALS'], tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', assignActorRoles: false },
  { type: 'SERVICE', protocol: 'OPENID_CONNECT', grantTypes: ['CLIENT_CREDENTIALS'], tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' },
  { type: 'SINGLE_PAGE_APP', protocol: 'OPENID_CONNECT', grantTypes: ['AUTHORIZATION_CODE'], responseTypes: ['CODE'], tokenEndpointAuthMethod: 'NONE', pkceEnforcement: 'S256_REQUIRED' },
  { type: 'NATIVE_APP', protocol: 'OPENID_CONNECT', grantTypes: ['AUTHORIZATION_CODE'], responseTypes: ['CODE'], tokenEndpointAuthMethod: 'NONE', pkceEnforcement: 'S256_REQUIRED' },
  { type: 'CUSTOM_APP', protocol: 'OPENID_CONNECT', grantTypes: ['CLIENT_CREDENTIALS'], tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' },
  { type: 'WEB_APP', protocol: 'SAML', assertionDuration: 3600, idpSigning: IDP_SIGNING },
  { type: 'WEB_APP', protocol: 'WS_FED', audienceRestriction: 'urn:federation:MicrosoftOnline', idpSigning: IDP_SIGNING },
];

function generatedApplication(index) {
  const number = String(index + 1).padStart(4, '0');
  const shape = GENERATED_SHAPES[index % GENERATED_SHAPES.length];
  const host = `app${number}.example.com`;
  const protocolAttributes = {
    OPENID_CONNECT: shape.responseTypes ? { redirectUris: [`https://${host}/callback`] } : {},
    SAML: { acsUrls: [`https://${host}/saml/acs`], spEntityId: `urn:example:app${number}` },
    WS_FED: { domainName: host, replyUrl: `https://${host}/wsfed` },
  }[shape.protocol];
  const createdAt = new Date(Date.UTC(2023, 0, 1) + index * 60 * 60 * 1000).toISOString();
  return {
    id: `9e4e0000-1a2b-4c3d-8e4f-${(index + 1).toString(16).padStart(12, '0')}`,
    name: `Generated Application ${number}`,
    description: `Generated for scale tests (${shape.type}, ${shape.protocol}).`,
    enabled: index % 7 !== 6,
    createdAt,
    updatedAt: createdAt,
    ...shape,
    ...protocolAttributes,
  };
}

/**
 * The seeded applications: the named ones, then generated ones until there are
 * `applicationCount` in all (the named ones alone when it is smaller).
 */
export function seedApplications({ consoleOrigins, redirectUris, applicationCount }) {
  const named = namedApplications({ consoleOrigins, redirectUris });
  const generated = Array.from({ length: Math.max(0, applicationCount - named.length) }, (_, index) => generatedApplication(index));
  return [...named, ...generated];
}
