/**
 * A page's storage for node tests: localStorage and `document.cookie` that behave like a browser's
 * (stored keys are own enumerable properties, cookies parse their attributes) and count every write.
 * Not part of the package's entry points.
 */
import { vi } from 'vitest';

/** A localStorage whose stored keys are own enumerable properties, like the browser's. */
export class FakeStorage {
  [key: string]: unknown;
  getItem(key: string): string | null {
    return Object.hasOwn(this, key) ? (this[key] as string) : null;
  }
  setItem(key: string, value: string): void {
    this[key] = String(value);
  }
  removeItem(key: string): void {
    delete this[key];
  }
}

/** A `document` with a cookie jar that honours `max-age=0` and records each raw write. */
export function fakeDocument() {
  const jar = new Map<string, string>();
  const writes: string[] = [];
  return {
    writes,
    jar,
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(raw: string) {
      writes.push(raw);
      const [pair = '', ...attributes] = raw.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((attribute) => attribute.trim() === 'max-age=0')) jar.delete(name);
      else jar.set(name, value);
    },
  };
}

/** Installs a fake page (window events, storage, cookies, location) as globals; undo with `vi.unstubAllGlobals()`. */
export function installPage(href = 'https://shop.example/', storage = new FakeStorage(), cookies = fakeDocument()) {
  const events = new EventTarget();
  vi.stubGlobal('window', events);
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('document', cookies);
  vi.stubGlobal('location', new URL(href));
  const setItem = vi.spyOn(storage, 'setItem');
  return { events, storage, cookies, setItem };
}
