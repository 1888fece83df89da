import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Loader = typeof import('./loader.js');
type Config = typeof import('./config.js');

let loader: Loader;
let config: Config;
let warn: ReturnType<typeof vi.spyOn>;

const program = {
  program: 'spring-2026',
  endpoint: '/api',
  fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }),
};

beforeEach(async () => {
  // Fresh modules: the setup and the logged lines are per page, and each test is a new page.
  vi.resetModules();
  Reflect.deleteProperty(window, 'Referkit');
  loader = await import('./loader.js');
  config = await import('./config.js');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
  Reflect.deleteProperty(window, 'Referkit');
});

/** The documented snippet a page runs before referkit.js loads. */
function snippet() {
  const queue: ArrayLike<unknown>[] = [];
  window.Referkit = Object.assign((...args: unknown[]) => void queue.push(args), { q: queue }) as never;
}

describe('installLoader', () => {
  it('replays an init queued before the script loaded', () => {
    snippet();
    window.Referkit?.('init', program as never);
    expect(config.currentSetup()).toBeUndefined();
    loader.installLoader();
    expect(config.currentSetup()?.config.program).toBe('spring-2026');
  });

  it('runs calls made after loading at once', () => {
    loader.installLoader();
    window.Referkit?.('init', program as never);
    window.Referkit?.('consent', 'denied');
    expect(config.currentSetup()?.client.consent()).toBe('denied');
  });

  it('starts the next init from a consent set before any init, as a consent manager answering first does', () => {
    snippet();
    window.Referkit?.('consent', 'granted');
    window.Referkit?.('init', { ...program, consent: 'pending' } as never);
    loader.installLoader();
    expect(config.currentSetup()?.client.consent()).toBe('granted');
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps a consent set before a failed init for the init that works', () => {
    loader.installLoader();
    window.Referkit?.('consent', 'denied');
    window.Referkit?.('init', { endpoint: '/api' } as never);
    window.Referkit?.('init', { ...program, consent: 'granted' } as never);
    expect(config.currentSetup()?.client.consent()).toBe('denied');
    warn.mockClear();
  });

  it('applies a consent set before init to a client the page brings', async () => {
    const { createCaptureClient } = await import('@referkit/sdk');
    const client = createCaptureClient({ ...program, consent: 'pending' });
    loader.installLoader();
    window.Referkit?.('consent', 'granted');
    window.Referkit?.('init', { ...program, client } as never);
    expect(client.consent()).toBe('granted');
  });

  it('does nothing when a copy is already installed', () => {
    loader.installLoader();
    const installed = window.Referkit;
    expect(loader.installLoader()).toBe(false);
    expect(window.Referkit).toBe(installed);
  });

  it('logs one line for a consent state that does not exist and keeps the current one', () => {
    loader.installLoader();
    window.Referkit?.('init', program as never);
    window.Referkit?.('consent', 'yes' as never);
    expect(config.currentSetup()?.client.consent()).toBe('granted');
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not use consent "yes": use pending, granted, denied. Using granted.'],
    ]);
  });

  it('logs one line for an unknown command and carries on', () => {
    loader.installLoader();
    window.Referkit?.('nope' as never, {} as never);
    window.Referkit?.('nope' as never, {} as never);
    expect(warn.mock.calls).toEqual([
      [`[referkit] Could not run Referkit("nope"): it is not a command. Use 'init' or 'consent'.`],
    ]);
  });

  it('names a command that is not text by its type, as JSON cannot say a BigInt or a circular object', () => {
    loader.installLoader();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => window.Referkit?.(10n as never, {} as never)).not.toThrow();
    expect(() => window.Referkit?.(circular as never, {} as never)).not.toThrow();
    expect(warn.mock.calls).toEqual([
      [`[referkit] Could not run Referkit(bigint): it is not a command. Use 'init' or 'consent'.`],
      [`[referkit] Could not run Referkit(object): it is not a command. Use 'init' or 'consent'.`],
    ]);
  });

  it('refuses a client that is not an SDK client with one line, and replays the init queued after it', () => {
    snippet();
    window.Referkit?.('init', { ...program, client: { nope: true } } as never);
    window.Referkit?.('init', program as never);
    expect(() => loader.installLoader()).not.toThrow();
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not use the setting client: {"nope":true} is not an SDK client. Fix it in init.'],
    ]);
    expect(config.currentSetup()?.config.program).toBe('spring-2026');
  });

  it('replays the calls after one that throws, and throws its error again on its own', () => {
    // Held, not run: the error thrown again is asserted here rather than left to the test runner.
    const later = vi.spyOn(window, 'setTimeout').mockImplementation((() => 0) as never);
    snippet();
    const broken = new Error('a client that throws');
    const client = {
      capture() {
        throw broken;
      },
    };
    window.Referkit?.('init', { ...program, client } as never);
    window.Referkit?.('init', { ...program, program: 'autumn-2026' } as never);
    expect(() => loader.installLoader()).not.toThrow();
    expect(config.currentSetup()?.config.program).toBe('autumn-2026');
    const rethrow = later.mock.calls.map(([callback]) => callback).find((callback) => typeof callback === 'function');
    expect(() => (rethrow as () => void)()).toThrow(broken);
    later.mockRestore();
  });

  it.each([
    ['firstOrderOnly', 'yes', 'true or false'],
    ['firstOrderOnly', 1, 'true or false'],
    ['attribution', 42, '{ model, windowDays }'],
    ['program', '', 'a program id'],
    ['endpoint', ' ', 'a path or an http(s) address'],
  ])('refuses the setting %s = %j with one line', (name, value, wanted) => {
    loader.installLoader();
    window.Referkit?.('init', { ...program, [name]: value } as never);
    expect(warn.mock.calls).toEqual([
      [`[referkit] Could not use the setting ${name}: ${JSON.stringify(value)} is not ${wanted}. Fix it in init.`],
    ]);
    expect(config.currentSetup()).toBeUndefined();
  });

  it('logs one line for an init without program or endpoint', () => {
    loader.installLoader();
    window.Referkit?.('init', { endpoint: '/api' } as never);
    expect(warn.mock.calls).toEqual([
      [
        "[referkit] Could not start: init needs a program and an endpoint. Call Referkit('init', { program, endpoint }).",
      ],
    ]);
    expect(config.currentSetup()).toBeUndefined();
  });

  it('fires referkit:capture when the page URL carries a code', () => {
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK&rk_ch=sms');
    const captured = vi.fn();
    document.addEventListener('referkit:capture', captured, { once: true });
    loader.installLoader();
    window.Referkit?.('init', program as never);
    history.replaceState(null, '', '/');
    expect(captured.mock.calls[0]?.[0].detail).toMatchObject({ code: 'ALEX-7HC2QK', channel: 'sms' });
  });

  it('fires referkit:capture for a page whose client takes the code out of the address (cleanUrl)', () => {
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK&rk_ch=sms');
    localStorage.clear();
    const captured = vi.fn();
    document.addEventListener('referkit:capture', captured, { once: true });
    loader.installLoader();
    window.Referkit?.('init', { ...program, cleanUrl: true } as never);
    expect(location.search).toBe('');
    expect(captured.mock.calls[0]?.[0].detail).toMatchObject({ code: 'ALEX-7HC2QK', channel: 'sms' });
  });

  it('announces a landing once when init runs again on the same page, as it may to change terms', () => {
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK');
    const captured = vi.fn();
    document.addEventListener('referkit:capture', captured);
    loader.installLoader();
    window.Referkit?.('init', program as never);
    window.Referkit?.('init', { ...program, brand: 'Acme' } as never);
    history.replaceState(null, '', '/');
    document.removeEventListener('referkit:capture', captured);
    expect(captured).toHaveBeenCalledTimes(1);
  });

  it('keeps the page client through a second init, so a landing held before consent is reported once', async () => {
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK');
    localStorage.clear();
    const fetch = vi.fn(async () => Response.json({ status: 'recorded' }, { status: 201 }));
    loader.installLoader();
    window.Referkit?.('init', { ...program, fetch, consent: 'pending' } as never);
    const client = config.currentSetup()?.client;
    window.Referkit?.('init', { ...program, fetch, consent: 'granted', brand: 'Acme' } as never);
    history.replaceState(null, '', '/');
    expect(config.currentSetup()?.client).toBe(client);
    expect(client?.consent()).toBe('granted');
    // What the first init held in memory is stored once consent is granted.
    expect(JSON.parse(localStorage.getItem('rk_ref') ?? 'null')).toMatchObject({ code: 'ALEX-7HC2QK' });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await client?.flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    localStorage.clear();
  });

  it('makes a new client when a second init names another program', () => {
    loader.installLoader();
    window.Referkit?.('init', program as never);
    const client = config.currentSetup()?.client;
    window.Referkit?.('init', { ...program, program: 'summer-2026' } as never);
    expect(config.currentSetup()?.client).not.toBe(client);
  });

  it("takes a program's client again when init comes back to it, as a single-page app's routes may alternate", () => {
    const listening = vi.spyOn(globalThis, 'addEventListener');
    loader.installLoader();
    const clients = [];
    for (const name of ['spring-2026', 'summer-2026', 'spring-2026', 'summer-2026']) {
      window.Referkit?.('init', { ...program, program: name } as never);
      clients.push(config.currentSetup()?.client);
    }
    // Each client listens for online, pagehide and pageshow: two clients' worth, not four.
    const pagehide = listening.mock.calls.filter(([type]) => type === 'pagehide');
    listening.mockRestore();
    expect(clients[2]).toBe(clients[0]);
    expect(clients[3]).toBe(clients[1]);
    expect(pagehide).toHaveLength(2);
  });

  it("applies a consent given while another program is set up to a program's client init comes back to", () => {
    loader.installLoader();
    window.Referkit?.('init', { ...program, consent: 'pending' } as never);
    window.Referkit?.('init', { ...program, program: 'summer-2026', consent: 'pending' } as never);
    window.Referkit?.('consent', 'denied');
    window.Referkit?.('init', program as never);
    expect(config.currentSetup()?.client.consent()).toBe('denied');
  });
});
