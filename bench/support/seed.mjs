// Applications in the console's own localStorage format (src/storage/record.rs `encode`,
// src/storage/repository.rs keys), generated deterministically so every run and every machine
// stores the same data and a search matches the same rows.

export const KEY_PREFIX = 'client-secret-console.v1.';
export const INDEX_KEY = `${KEY_PREFIX}index`;
export const RECORD_PREFIX = `${KEY_PREFIX}app.`;

const TYPES = ['web', 'native', 'spa', 'worker', 'saml', 'wsfed'];
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const QUALIFIERS = ['Customer', 'Partner', 'Internal', 'Mobile', 'Legacy', 'Billing', 'Kiosk', 'Analytics', 'Field', 'Support', 'Marketing', 'Booking'];
const SUBJECTS = ['Portal', 'Dashboard', 'Gateway', 'Worker', 'Sync', 'Reports', 'Checkout', 'Directory', 'Scheduler', 'Inbox', 'Ledger', 'Tracker'];
const DAY = 24 * 3600 * 1000;

/** mulberry32: a small seeded generator, so the data set is the same on every run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidV4(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function secret(random) {
  return Array.from({ length: 64 }, () => SECRET_ALPHABET[Math.floor(random() * SECRET_ALPHABET.length)]).join('');
}

/**
 * `count` applications as `{ applications, items }`: `applications` describes each (id, name,
 * type) in index order, `items` maps every localStorage key to its value. Types cycle through all
 * six, so position 0 and every sixth after it is an OIDC Web App; every seventh confidential OIDC
 * application is mid-retention with a previous secret.
 */
/** `count` applications in schema 2; `withFullLog` adds an activity log at its cap. */
export function seedApplications(count, now = Date.now(), { withFullLog = false } = {}) {
  const random = seededRandom(20261123);
  const applications = [];
  const items = {};
  for (let position = 0; position < count; position += 1) {
    const id = uuidV4(random);
    const type = TYPES[position % TYPES.length];
    const name = `${QUALIFIERS[position % QUALIFIERS.length]} ${SUBJECTS[Math.floor(position / QUALIFIERS.length) % SUBJECTS.length]} ${String(position + 1).padStart(5, '0')}`;
    const created = now - (30 + (position % 300)) * DAY;
    // Schema 2, exactly as src/storage/record.rs writes it (key order included).
    const record = { schema: 2, rev: 1, name, type, on: position % 23 !== 5, auth: type === 'spa' ? 'none' : 'basic', at: created };
    const hasSecret = ['web', 'native', 'worker'].includes(type);
    if (hasSecret) record.s = [secret(random), created];
    const hasPrevious = hasSecret && position % 7 === 3;
    if (hasPrevious) {
      record.rev = 2;
      record.s[1] = now - 2 * DAY;
      record.p = [secret(random), now + 5 * DAY];
    }
    items[`${RECORD_PREFIX}${id}`] = JSON.stringify(record);
    applications.push({ id, name, type, hasPrevious });
  }
  items[INDEX_KEY] = JSON.stringify(applications.map((application) => application.id));
  if (withFullLog) Object.assign(items, fullActivityLog(applications, now));
  return { applications, items };
}

/** The activity log at its cap: 2,000 events in schema 1, as src/storage/activity.rs writes them. */
const ACTIVITY_CAP = 2000;
const ACTIVITY_PREFIX = 'client-secret-console.v1.activity.';
function fullActivityLog(applications, now) {
  const items = {};
  // More events than the cap were recorded, so the ring has wrapped and older ones were dropped.
  const next = ACTIVITY_CAP * 3 + 17;
  for (let sequence = next - ACTIVITY_CAP; sequence < next; sequence += 1) {
    const application = applications[sequence % applications.length];
    const event = { schema: 1, seq: sequence, at: now - (next - sequence) * 60_000, id: application.id, name: application.name };
    Object.assign(event, sequence % 3 === 0 ? { k: 'generated', keep: '7d' } : sequence % 3 === 1 ? { k: 'enabled' } : { k: 'revoked' });
    items[`${ACTIVITY_PREFIX}${sequence % ACTIVITY_CAP}`] = JSON.stringify(event);
  }
  items[`${ACTIVITY_PREFIX}head`] = JSON.stringify({ schema: 1, next });
  return items;
}

/** An OIDC Web App without a previous secret, as near the middle of the list as there is one. */
export function rotationTarget(applications) {
  const middle = Math.floor(applications.length / 2);
  const candidates = applications
    .map((application, position) => ({ application, distance: Math.abs(position - middle) }))
    .filter(({ application }) => application.type === 'web' && !application.hasPrevious)
    .sort((a, b) => a.distance - b.distance);
  if (candidates.length === 0) throw new Error('the seeded data has no OIDC Web App to rotate');
  return candidates[0].application;
}

/** What the console's search shows first for `query`, and how many applications match. */
export function expectedSearch(applications, query) {
  const needle = query.trim().toLowerCase();
  const matching = applications.filter(
    ({ id, name }) => needle === '' || name.toLowerCase().includes(needle) || id.toLowerCase().includes(needle),
  );
  // The list is sorted by name (lower-cased), then client ID; for the benchmark's ASCII names
  // JavaScript's string order is the console's.
  const key = ({ id, name }) => [name.toLowerCase(), id];
  const byName = (a, b) => {
    const [[nameA, idA], [nameB, idB]] = [key(a), key(b)];
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
  const first = matching.reduce((best, app) => (best === null || byName(app, best) < 0 ? app : best), null);
  return { firstId: first?.id ?? null, count: matching.length };
}
