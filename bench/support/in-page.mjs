// What runs inside the page. `benchHooks` is installed with `page.addInitScript`, so it runs in
// every document before the console's own scripts (the DevTools protocol injects it, so the
// page's Content-Security-Policy does not apply). It records, relative to navigation start
// (performance.timeOrigin):
//   - when the first `.app-list li` entered the DOM and when the frame showing it was painted;
//   - when the wasm module finished instantiating (just before the app's `main` runs) and the
//     wasm instance Trunk started (for its linear memory size);
//   - the key and value lengths of every localStorage.setItem while `counting` is on.
// "Painted" is measured as: a requestAnimationFrame callback after the change, then a
// MessageChannel message posted from it. The message runs once that frame's style, layout and
// paint work is done, one frame earlier (and so less quantised) than a double rAF.

export function benchHooks() {
  const afterNextPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  /** Resolves with performance.now() as soon as `holds()` is true, checked on every DOM change. */
  const until = (holds, timeout = 20_000) =>
    new Promise((resolve, reject) => {
      if (holds()) {
        resolve(performance.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('timed out waiting for the page to update'));
      }, timeout);
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });

  const bench = { afterNextPaint, until, counting: false, writes: [], wasm: null };
  window.__bench = bench;

  for (const name of ['instantiateStreaming', 'instantiate']) {
    const instantiate = WebAssembly[name];
    if (typeof instantiate !== 'function') continue;
    WebAssembly[name] = function timedInstantiate(...args) {
      const instantiated = instantiate.apply(this, args);
      // Registered before the caller's own await, so this runs first: just before `main`.
      instantiated.then(() => {
        bench.wasmInstantiated ??= performance.now();
      }, () => {});
      return instantiated;
    };
  }

  addEventListener('TrunkApplicationStarted', (event) => {
    bench.wasm = event.detail?.wasm ?? null;
    bench.appStarted = performance.now();
  });

  until(() => document.querySelector('.app-list li') !== null, 120_000).then(
    (inDom) => {
      bench.firstListInDom = inDom;
      return afterNextPaint().then((painted) => {
        bench.firstListPaint = painted;
      });
    },
    () => {},
  );

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function countedSetItem(key, value) {
    if (bench.counting) bench.writes.push({ key: String(key).length, value: String(value).length });
    return setItem.call(this, key, value);
  };
}

/**
 * In the page: puts `text` into the search field as one input event and resolves with the
 * milliseconds until the list shows `firstId` first (null: no rows) and the count line changed
 * (`dom`), and until that frame was painted (`paint`).
 */
export async function timeSearch({ input, text, firstId }) {
  const bench = window.__bench;
  const countLine = () => document.querySelector('.list-count')?.textContent;
  const before = countLine();
  const shows = () => {
    const first = document.querySelector('.app-list li [data-client-id]');
    return (first ? first.getAttribute('data-client-id') : null) === firstId && countLine() !== before;
  };
  const started = performance.now();
  input.value = text;
  input.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: text ? 'insertText' : 'deleteContentBackward',
      data: text || null,
    }),
  );
  const updated = await bench.until(shows);
  const painted = await bench.afterNextPaint();
  return { dom: updated - started, paint: painted - started };
}

/**
 * In the page: chooses `value` in the list's `select` (a filter or the sort) and resolves with
 * the milliseconds until the list shows something else (`dom`) and that frame was painted.
 */
export async function timeSelect({ select, value }) {
  const bench = window.__bench;
  const shown = () =>
    `${document.querySelector('.app-list li [data-client-id]')?.getAttribute('data-client-id')}|${document.querySelector('.list-count')?.textContent}`;
  const before = shown();
  const started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const updated = await bench.until(() => shown() !== before);
  const painted = await bench.afterNextPaint();
  return { dom: updated - started, paint: painted - started };
}

/**
 * In the page: clicks Confirm and resolves with the milliseconds until the status region says
 * a new secret was generated (`dom`) and that frame was painted (`paint`), with the
 * localStorage writes the rotation made.
 */
export async function timeRotation({ confirm, status, pressMs }) {
  const bench = window.__bench;
  const announced = () => status.textContent.includes('New client secret generated');
  if (announced()) throw new Error('the status region already announced a rotation');
  if (pressMs !== undefined) {
    // A pointer user: the button is pressed `pressMs` before the click (pointerup) happens.
    confirm.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true }));
    await new Promise((resolve) => setTimeout(resolve, pressMs));
    confirm.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, isPrimary: true }));
  }
  bench.writes = [];
  bench.counting = true;
  const started = performance.now();
  confirm.click();
  try {
    const updated = await bench.until(announced);
    const painted = await bench.afterNextPaint();
    return { dom: updated - started, paint: painted - started, writes: bench.writes };
  } finally {
    bench.counting = false;
  }
}

/** In the page: what the console keeps in localStorage, in UTF-16 code units. */
export function storedFootprint(prefix) {
  let units = 0;
  let items = 0;
  for (let position = 0; position < localStorage.length; position += 1) {
    const key = localStorage.key(position);
    if (!key.startsWith(prefix)) continue;
    units += key.length + localStorage.getItem(key).length;
    items += 1;
  }
  return { units, items };
}

/** In the page: replaces localStorage with `items` (used on a same-origin non-app page). */
export function writeStorage(items) {
  localStorage.clear();
  for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  return localStorage.length;
}

/**
 * In a same-origin page that is not the app, in a renderer that has not touched localStorage
 * yet: the browser's own cost of what the console's start-up must do with the stored data, in
 * plain JavaScript, with none of the app's code. The first access loads the origin's whole
 * storage area into the renderer (a synchronous call to the browser process); then every key is
 * listed (as the app does, in one `Object.keys`) and every application record read.
 */
export function storageFloor(recordPrefix) {
  const started = performance.now();
  void localStorage.length;
  const areaLoaded = performance.now();
  const keys = Object.keys(localStorage);
  const listed = performance.now();
  for (const key of keys) {
    if (key.startsWith(recordPrefix)) localStorage.getItem(key);
  }
  const read = performance.now();
  return {
    areaLoad: areaLoaded - started,
    listKeys: listed - areaLoaded,
    readRecords: read - listed,
    total: read - started,
  };
}
