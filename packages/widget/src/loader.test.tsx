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
  delete window.Referkit;
  loader = await import('./loader.js');
  config = await import('./config.js');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
  delete window.Referkit;
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
});
