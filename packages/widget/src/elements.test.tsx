import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { acmeSetup } from '../../../test/support/widget-page.js';
import { clientFor, currentSetup, init, type WidgetConfig } from './config.js';
import { defineElements } from './elements.js';

let warn: ReturnType<typeof vi.spyOn>;

const backend = vi.fn(async (_url?: unknown, _init?: RequestInit) =>
  Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 }),
);

beforeAll(() => {
  vi.stubGlobal('fetch', backend);
  defineElements();
  init({ ...acmeSetup, base: 'https://shop.example/' });
});

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  document.body.replaceChildren();
  warn.mockRestore();
});

function mount(html: string) {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.lastElementChild as HTMLElement;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('<referkit-share>', () => {
  it('renders the panel in its shadow root with the adopted stylesheet', () => {
    const element = mount('<referkit-share code="alex 7hc2qk"></referkit-share>');
    expect(element.shadowRoot?.querySelector('input')?.value).toBe('https://shop.example/?ref=ALEX-7HC2QK');
    expect(element.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
  });

  it('logs one line and renders nothing for a code that is not a referral code', async () => {
    const element = mount('<referkit-share code="<b>nope</b>"></referkit-share>');
    mount('<referkit-share code="<b>nope</b>"></referkit-share>');
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    await nextFrame();
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not show the share panel: the code attribute "<b>nope</b>" is not a referral code. Set code="ALEX-7HC2QK".',
      ],
    ]);
  });

  it('shows only the channels asked for, each once, and logs the unknown ones', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" channels="sms whatsapp myspace sms"></referkit-share>');
    const names = [...(element.shadowRoot?.querySelectorAll('a') ?? [])].map((link) => link.textContent);
    expect(names).toEqual(['SMS', 'WhatsApp']);
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not show the channels myspace: they are not share channels. Use whatsapp x facebook linkedin telegram reddit email sms.',
      ],
    ]);
  });

  it('logs one line naming what is missing and renders nothing without an offer to describe', async () => {
    const element = mount(`<referkit-share code="ALEX-7HC2QK" terms='{"friendOffer":null}'></referkit-share>`);
    mount(`<referkit-share code="ALEX-7HC2QK" terms='{"currency":null}'></referkit-share>`);
    mount(`<referkit-share code="ALEX-7HC2QK" terms='{"currency":null,"friendOffer":null}'></referkit-share>`);
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    await nextFrame();
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not show the share panel: the terms have no friendOffer. Add friendOffer to init.'],
      ['[referkit] Could not show the share panel: the terms have no currency. Add currency to init.'],
      [
        '[referkit] Could not show the share panel: the terms have no currency and friendOffer. Add currency and friendOffer to init.',
      ],
    ]);
  });

  it('logs one line and renders nothing for an offer that is not a number, never "NaN% off"', () => {
    for (const offer of ['{"kind":"percent","percent":"abc"}', '{"kind":"percent","percent":-5}', '{"kind":"cash"}']) {
      const element = mount(`<referkit-share code="ALEX-7HC2QK" terms='{"friendOffer":${offer}}'></referkit-share>`);
      expect(element.shadowRoot?.textContent).toBe('');
    }
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the widget: "abc" is not an amount or a percent. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
      '[referkit] Could not show the widget: -5 is not an amount or a percent. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
      '[referkit] Could not show the widget: cash is not a kind of friend offer. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
    ]);
  });

  it('logs one line and shows neither element for an offer of an unknown kind, never "$0.15 off"', () => {
    currentSetup()?.client.capture('https://shop.example/?ref=ALEX-7HC2QK');
    const terms = `terms='{"friendOffer":{"kind":"percentage","amount":15}}'`;
    const [share, offer] = mount(
      `<div><referkit-share code="ALEX-7HC2QK" ${terms}></referkit-share><referkit-offer ${terms}></referkit-offer></div>`,
    ).children;
    expect([share?.shadowRoot?.textContent, offer?.shadowRoot?.textContent]).toEqual(['', '']);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the widget: percentage is not a kind of friend offer. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
    ]);
    currentSetup()?.client.storage.remove('ref');
  });

  it('logs one line and shows nothing for a percent off that is not whole, as the program schema refuses it', () => {
    const element = mount(
      `<referkit-share code="ALEX-7HC2QK" terms='{"friendOffer":{"kind":"percent","percent":10.5}}'></referkit-share>`,
    );
    expect(element.shadowRoot?.textContent).toBe('');
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the widget: 10.5 is not a whole percent. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
    ]);
  });

  it('logs the unknown channels of the terms, not only of the attribute', () => {
    const element = mount(
      `<referkit-share code="ALEX-7HC2QK" terms='{"channels":["sms","friendster"]}'></referkit-share>`,
    );
    const names = [...(element.shadowRoot?.querySelectorAll('a') ?? [])].map((link) => link.textContent);
    expect(names).toEqual(['SMS']);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the channels friendster: they are not share channels. Use whatsapp x facebook linkedin telegram reddit email sms.',
    ]);
  });

  it('reads an empty terms attribute as none', () => {
    const element = mount(`<referkit-share code="ALEX-7HC2QK" terms=" "></referkit-share>`);
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Acme');
    expect(warn).not.toHaveBeenCalled();
  });

  it('lays terms from its terms attribute over the init terms', () => {
    const element = mount(`<referkit-share code="ALEX-7HC2QK" terms='{"brand":"Bolt"}'></referkit-share>`);
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Bolt');
  });

  it('logs one line for a terms attribute that is not a JSON object, and renders nothing rather than promise init’s offer', () => {
    for (const json of ['{brand: Bolt}', 'null', '["Bolt"]', '"Bolt"']) {
      const element = mount(`<referkit-share code="ALEX-7HC2QK" terms='${json}'></referkit-share>`);
      expect(element.shadowRoot?.childNodes).toHaveLength(0);
      // The first, text that is not JSON at all, says so already (the same line is said once).
      expect(warn).toHaveBeenCalledTimes(1);
    }
    expect(warn.mock.calls).toEqual([
      [`[referkit] Could not read the terms attribute: it is not a JSON object. Write terms='{"brand":"Acme"}'.`],
    ]);
  });

  it('logs one line naming a terms setting of the wrong type, and renders nothing', () => {
    const element = mount(`<referkit-share code="ALEX-7HC2QK" terms='{"channels":"whatsapp"}'></referkit-share>`);
    const other = mount(`<referkit-share code="ALEX-7HC2QK" terms='{"disclosure":{"txt":"I earn"}}'></referkit-share>`);
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    expect(other.shadowRoot?.childNodes).toHaveLength(0);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting channels: "whatsapp" is not a list. Fix it in the terms attribute.',
      '[referkit] Could not use the setting disclosure: {"txt":"I earn"} is not { text }. Fix it in the terms attribute.',
    ]);
  });

  it('refuses an init whose settings have the wrong type, with one line naming the setting', () => {
    const base = { program: 'spring-2026', endpoint: '/api' };
    expect(init({ ...base, locale: 42 as unknown as string })).toBe(false);
    expect(init({ ...base, brand: {} as unknown as string })).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting locale: 42 is not text. Fix it in init.',
      '[referkit] Could not use the setting brand: {} is not text. Fix it in init.',
    ]);
    // The setup in force is untouched.
    expect(
      mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>').shadowRoot?.querySelector('h2')?.textContent,
    ).toBe('Invite friends to Acme');
  });

  it('refuses an init whose disclosure, attribution or consent has the wrong shape, with one line naming it', () => {
    const base = { program: 'spring-2026', endpoint: '/api' };
    for (const mistake of [
      { disclosure: { text: 'I get {reward}.', required: 'yes' } },
      { attribution: { model: 'middle' } },
      { attribution: { windowDays: '30' } },
      { attribution: [] },
      { consent: null },
    ])
      expect(init({ ...base, ...mistake } as never)).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting disclosure.required: "yes" is not true or false. Fix it in init.',
      '[referkit] Could not use the setting attribution.model: "middle" is not last_touch or first_touch. Fix it in init.',
      '[referkit] Could not use the setting attribution.windowDays: "30" is not a number of days. Fix it in init.',
      '[referkit] Could not use the setting attribution: [] is not { model, windowDays }. Fix it in init.',
      // Unset, consent would be granted: a consent manager's state not read yet must not store the referral.
      '[referkit] Could not use the setting consent: null is not pending, granted or denied. Fix it in init.',
    ]);
    // The setup in force is untouched.
    expect(currentSetup()?.config.consent).toBeUndefined();
  });

  it('refuses a blank param with a line naming it, where the share link blamed base', () => {
    expect(init({ program: 'spring-2026', endpoint: '/api', param: ' ' })).toBe(false);
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not use the setting param: " " is not a query parameter name. Fix it in init.'],
    ]);
  });

  it('names the value it refused, so that another mistake in the same setting gets a line of its own', () => {
    const base = { program: 'spring-2026', endpoint: '/api' };
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const mistake of [
      { endpoint: '' },
      { endpoint: 'ftp://x.example/api' },
      { endpoint: '' },
      { locale: 5 },
      { locale: 7 },
      { brand: ['x'.repeat(60)] },
      { client: circular },
      { brand: 10n },
    ])
      expect(init({ ...base, ...mistake } as never)).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting endpoint: "" is not a path or an http(s) address. Fix it in init.',
      '[referkit] Could not use the setting endpoint: "ftp://x.example/api" is not a path or an http(s) address. Fix it in init.',
      '[referkit] Could not use the setting locale: 5 is not text. Fix it in init.',
      '[referkit] Could not use the setting locale: 7 is not text. Fix it in init.',
      // Cut short, and a value JSON cannot say (a circular object, a BigInt) is "it".
      `[referkit] Could not use the setting brand: ["${'x'.repeat(38)} is not text. Fix it in init.`,
      '[referkit] Could not use the setting client: it is not an SDK client. Fix it in init.',
      '[referkit] Could not use the setting brand: it is not text. Fix it in init.',
    ]);
  });

  it('names a number JSON cannot say as itself, and cuts a long value at a whole character', () => {
    const base = { program: 'spring-2026', endpoint: '/api' };
    for (const mistake of [
      { locale: Number.NaN },
      { locale: Number.POSITIVE_INFINITY },
      { brand: [`${'x'.repeat(37)}😀`] },
    ])
      expect(init({ ...base, ...mistake } as never)).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting locale: NaN is not text. Fix it in init.',
      '[referkit] Could not use the setting locale: Infinity is not text. Fix it in init.',
      // 40 characters: the emoji whole, not its first half (a lone surrogate).
      `[referkit] Could not use the setting brand: ["${'x'.repeat(37)}😀 is not text. Fix it in init.`,
    ]);
  });

  it('refuses an init whose offer or reward cannot be put in words, and keeps the setup in force', () => {
    const panel = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
    const shown = panel.shadowRoot?.textContent;
    const inits = [
      { friendOffer: { kind: 'percent', percent: 12.5 } },
      { friendOffer: { kind: 'fixed', amount: 10.5 } },
      { friendOffer: { kind: 'percent', percent: 0 } },
      { friendOffer: { kind: 'bogus', percent: 10 } },
      { ambassadorReward: { basis: 'fixed', type: 'gems', amount: 100 } },
    ];
    for (const terms of inits) expect(init({ ...acmeSetup, brand: 'Gamma', ...terms } as never)).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual(
      [
        '12.5 is not a whole percent',
        '10.5 is not in minor units',
        '0 is not an amount or a percent',
        'bogus is not a kind of friend offer',
        'gems is not a reward type',
      ].map(
        (why) =>
          `[referkit] Could not use the terms: ${why}. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.`,
      ),
    );
    // The panel shown keeps showing Acme's terms, and one added later shows them too.
    expect(panel.shadowRoot?.textContent).toBe(shown);
    expect(
      mount('<referkit-share code="BOB-8JK3PQ"></referkit-share>').shadowRoot?.querySelector('h2')?.textContent,
    ).toBe('Invite friends to Acme');
  });

  it('refuses an init whose offer or reward cannot be put in words though it has no offer or no currency', () => {
    const kept = currentSetup()?.config as WidgetConfig;
    // The setup in force comes back whatever this test takes, or a failure here fails the tests after it.
    onTestFinished(() => void init(kept));
    const { currency, friendOffer, ...setting } = { ...acmeSetup, brand: 'Gamma' };
    const reward = { basis: 'fixed', type: 'credit', amount: 1000 };
    const inits = [
      { ...setting, currency, ambassadorReward: { ...reward, type: 'bitcoin' } },
      { ...setting, currency, ambassadorReward: { ...reward, amount: 40.5 } },
      { ...setting, currency: undefined, minimumOrder: 20.5 },
      { ...setting, friendOffer: { kind: 'percentage', percent: 10 }, ambassadorReward: reward },
      { ...setting, friendOffer: { ...friendOffer, percent: 17.5 } },
      { ...setting, friendOffer: { kind: 'fixed', amount: 30.5 } },
    ];
    for (const terms of inits) expect(init(terms as never)).toBe(false);
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual(
      [
        'bitcoin is not a reward type',
        '40.5 is not in minor units',
        '20.5 is not in minor units',
        'percentage is not a kind of friend offer',
        '17.5 is not a whole percent',
        '30.5 is not in minor units',
      ].map(
        (why) =>
          `[referkit] Could not use the terms: ${why}. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.`,
      ),
    );
    expect(
      mount('<referkit-share code="BOB-8JK3PQ"></referkit-share>').shadowRoot?.querySelector('h2')?.textContent,
    ).toBe('Invite friends to Acme');
    // What such an init carries and can be put in words is taken, in any currency a panel's terms add later.
    warn.mockClear();
    expect(init({ ...setting, currency: undefined, friendOffer: null, ambassadorReward: reward } as never)).toBe(true);
    expect(init({ ...setting, friendOffer: { kind: 'fixed', amount: 1 }, minimumOrder: 500 })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads the stats from the endpoint of its terms attribute, in the locale of its terms', async () => {
    backend.mockClear();
    const element = mount(
      `<referkit-share code="ALEX-7HC2QK" terms='{"endpoint":"/other","locale":"de"}'></referkit-share>`,
    );
    await vi.waitFor(() =>
      expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Lade Freunde zu Acme ein'),
    );
    expect(backend.mock.calls.map((call: unknown[]) => String(call[0]))).toContain(
      '/other/ambassadors/ALEX-7HC2QK/stats',
    );
  });

  it('joins paths to an endpoint written with a trailing slash', async () => {
    backend.mockClear();
    mount(`<referkit-share code="ALEX-7HC2QK" terms='{"endpoint":"/other/"}'></referkit-share>`);
    await vi.waitFor(() => expect(backend).toHaveBeenCalled());
    expect(backend.mock.calls.map((call: unknown[]) => String(call[0]))).toEqual([
      '/other/ambassadors/ALEX-7HC2QK/stats',
    ]);
  });

  it("reports a share from a panel of another program to that program's endpoint, under its id", async () => {
    backend.mockClear();
    const element = mount(
      `<referkit-share code="BEAA-4XYZ7W" channels="whatsapp" terms='{"program":"evergreen","endpoint":"/b"}'></referkit-share>`,
    );
    const link = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    await vi.waitFor(() =>
      expect(backend.mock.calls.map((call: unknown[]) => String(call[0]))).toContain('/b/referrals/events'),
    );
    const shares = backend.mock.calls
      .filter((call: unknown[]) => String(call[0]).endsWith('/referrals/events'))
      .map((call: unknown[]) => [String(call[0]), JSON.parse(String((call[1] as RequestInit).body)).program]);
    expect(shares).toEqual([['/b/referrals/events', 'evergreen']]);
  });

  it("leaves a share a panel queued for its own endpoint to that panel's client, though init's names its program", async () => {
    onTestFinished(() => void backend.mockReset());
    let down = true;
    // The panel's endpoint is down (a Retry-After of 0: each retry goes at once); init's refuses, for
    // good, a code it does not know.
    backend.mockImplementation(async (url) =>
      String(url) !== '/c/referrals/events'
        ? Response.json({ error: { code: 'unknown_code', message: 'No such code' } }, { status: 422 })
        : down
          ? new Response(null, { status: 503, headers: { 'retry-after': '0' } })
          : Response.json({ status: 'recorded' }, { status: 201 }),
    );
    const element = mount(
      `<referkit-share code="CARA-4XYZ7W" channels="whatsapp" terms='{"endpoint":"/c"}'></referkit-share>`,
    );
    const link = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    const shares = () =>
      backend.mock.calls.flatMap(([url, init]) => (String(init?.body).includes('CARA-4XYZ7W') ? [String(url)] : []));
    // Five attempts, then the share waits in the outbox.
    await vi.waitFor(() => expect(shares()).toHaveLength(5));
    const setup = currentSetup()!;
    await setup.client.flush();
    expect(shares()).toEqual(Array(5).fill('/c/referrals/events'));
    // The panel's endpoint is back: its client's next flush delivers the share there.
    down = false;
    await clientFor(setup, { ...setup.config, endpoint: '/c' }).flush();
    expect(shares()).toEqual(Array(6).fill('/c/referrals/events'));
  });

  it("passes a second init's consent to the client of another program's panel too", () => {
    const terms = { program: 'evergreen', endpoint: '/b' };
    mount(`<referkit-share code="BEAA-4XYZ7W" terms='${JSON.stringify(terms)}'></referkit-share>`);
    const setup = currentSetup()!;
    const other = clientFor(setup, { ...setup.config, ...terms });
    expect(other).not.toBe(setup.client);
    init({ ...setup.config, consent: 'pending' });
    expect(other.consent()).toBe('pending');
    init({ ...setup.config, consent: 'granted' });
    expect(other.consent()).toBe('granted');
  });

  it('puts the path before a query the endpoint carries (a function key), as the SDK does for events', async () => {
    backend.mockClear();
    const endpoint = 'https://fn.example/api/?code=KEY';
    mount(`<referkit-share code="ALEX-7HC2QK" terms='${JSON.stringify({ endpoint })}'></referkit-share>`);
    await vi.waitFor(() => expect(backend).toHaveBeenCalled());
    expect(backend.mock.calls.map((call: unknown[]) => String(call[0]))).toEqual([
      'https://fn.example/api/ambassadors/ALEX-7HC2QK/stats?code=KEY',
    ]);
  });

  it('refuses an endpoint that is empty or of a scheme fetch cannot use, with a line each and nothing requested', () => {
    backend.mockClear();
    const endpoints = ['', 'javascript:alert(1)', 'ftp://shop.example/api'];
    const elements = endpoints.map((endpoint) =>
      mount(`<referkit-share code="ALEX-7HC2QK" terms='${JSON.stringify({ endpoint })}'></referkit-share>`),
    );
    expect(elements.map((element) => element.shadowRoot?.childNodes.length)).toEqual([0, 0, 0]);
    expect(backend).not.toHaveBeenCalled();
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual(
      endpoints.map(
        (endpoint) =>
          `[referkit] Could not use the setting endpoint: ${JSON.stringify(endpoint)} is not a path or an http(s) address. Fix it in the terms attribute.`,
      ),
    );
    expect(endpoints.map((endpoint) => init({ program: 'spring-2026', endpoint }))).toEqual([false, false, false]);
  });

  it('refuses a percent above 100 rather than offering "1,500% off"', () => {
    const element = mount(
      `<referkit-share code="ALEX-7HC2QK" terms='{"friendOffer":{"kind":"percent","percent":1500}}'></referkit-share>`,
    );
    expect(element.shadowRoot?.textContent).toBe('');
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the widget: 1500 is not an amount or a percent. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
    ]);
  });

  it('says once what is wrong with terms both elements show', () => {
    // A captured referral, so that the banner has something to show too.
    currentSetup()?.client.capture('https://shop.example/?ref=ALEX-7HC2QK');
    const terms = `terms='{"friendOffer":{"kind":"percent","percent":"many"}}'`;
    mount(
      `<div><referkit-share code="ALEX-7HC2QK" ${terms}></referkit-share><referkit-offer ${terms}></referkit-offer></div>`,
    );
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not show the widget: "many" is not an amount or a percent. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
    ]);
    currentSetup()?.client.storage.remove('ref');
  });

  it('renders for a page whose lang Intl cannot read', () => {
    document.documentElement.lang = 'en_US';
    try {
      const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
      expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Acme');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('logs one line and renders nothing, without throwing, for terms that cannot be put in words', () => {
    const element = mount(
      `<referkit-share code="ALEX-7HC2QK" terms='{"friendOffer":{"kind":"fixed","amount":1e400}}'></referkit-share>`,
    );
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    expect(warn.mock.calls).toHaveLength(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^\[referkit\] Could not show the widget: .+\. Check currency, friendOffer, minimumOrder and ambassadorReward in the terms\.$/,
    );
  });

  it('refuses a currency that is not three letters, also in terms that format no money (a percent off)', () => {
    const percent = { kind: 'percent', percent: 15 };
    const element = mount(
      `<referkit-offer terms='${JSON.stringify({ currency: 'DOLLARS', friendOffer: percent })}'></referkit-offer>`,
    );
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    expect(init({ program: 'spring-2026', endpoint: '/api', currency: 'US', friendOffer: percent } as never)).toBe(
      false,
    );
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[referkit] Could not use the setting currency: "DOLLARS" is not three letters (ISO 4217). Fix it in the terms attribute.',
      '[referkit] Could not use the setting currency: "US" is not three letters (ISO 4217). Fix it in init.',
    ]);
  });

  it('fires referkit:share from the element, bubbling and composed', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" channels="whatsapp"></referkit-share>');
    const shared = vi.fn();
    document.addEventListener('referkit:share', shared, { once: true });
    const link = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    expect(shared.mock.calls[0]?.[0]).toMatchObject({ bubbles: true, composed: true, detail: { channel: 'whatsapp' } });
  });

  it('fires referkit:copy on its document for a panel taken off the page before the clipboard answered', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => {} } });
    try {
      const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
      const copied = vi.fn();
      document.addEventListener('referkit:copy', copied, { once: true });
      element.shadowRoot?.querySelector('button')?.click();
      element.remove();
      await vi.waitFor(() => expect(copied).toHaveBeenCalled());
      expect(copied.mock.calls[0]?.[0]).toMatchObject({
        target: document,
        detail: { code: 'ALEX-7HC2QK', channel: 'copy', link: 'https://shop.example/?ref=ALEX-7HC2QK' },
      });
    } finally {
      vi.unstubAllGlobals();
      vi.stubGlobal('fetch', backend);
    }
  });

  it('logs one line for a locale without a catalogue and shows English', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" locale="fr"></referkit-share>');
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Acme');
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not show the locale "fr": there is no catalogue for it. Use one of en, es, de, ar.'],
    ]);
  });

  it('keeps the edited message when the element is moved elsewhere in the page', async () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
    const message = element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
    message.value = 'My own words. I get $10 credit if you order with my link.';
    message.dispatchEvent(new Event('input', { bubbles: true }));
    mount('<div></div>').append(element);
    await new Promise((resolve) => setTimeout(resolve));
    expect(element.shadowRoot?.querySelector('textarea')?.value).toBe(
      'My own words. I get $10 credit if you order with my link.',
    );
  });

  it('unmounts an element taken out of the page', async () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
    element.remove();
    await vi.waitFor(() => expect(element.shadowRoot?.childNodes).toHaveLength(0));
  });

  it('renders nothing into an element removed before its catalogue arrived', async () => {
    const removed = mount('<referkit-share code="ALEX-7HC2QK" locale="es"></referkit-share>');
    removed.remove();
    const kept = mount('<referkit-share code="ALEX-7HC2QK" locale="es"></referkit-share>');
    await vi.waitFor(() =>
      expect(kept.shadowRoot?.querySelector('h2')?.textContent).toBe('Invita a tus amigos a Acme'),
    );
    expect(removed.shadowRoot?.childNodes).toHaveLength(0);
  });

  it('renders in German once the catalogue has loaded', async () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" locale="de-AT"></referkit-share>');
    await vi.waitFor(() =>
      expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Lade Freunde zu Acme ein'),
    );
    expect(element.shadowRoot?.querySelector('section')?.getAttribute('lang')).toBe('de-AT');
  });
});

describe('<referkit-share> and <referkit-offer>', () => {
  it('unmount without their window’s globals, which a DOM emulator’s teardown deletes before they unmount', async () => {
    currentSetup()?.client.capture('https://shop.example/?ref=ALEX-7HC2QK');
    onTestFinished(() => currentSetup()?.client.storage.remove('ref'));
    const elements = mount(
      '<div><referkit-share code="ALEX-7HC2QK"></referkit-share><referkit-offer></referkit-offer><referkit-offer></referkit-offer></div>',
    ).children;
    expect(elements[2]?.shadowRoot?.querySelector('aside')).toBeTruthy();
    // vitest's jsdom environment closes the window, which empties the page, then deletes the window's
    // globals, all before the microtask in which the elements taken out unmount.
    document.body.replaceChildren();
    const { addEventListener, removeEventListener } = globalThis;
    onTestFinished(() => void Object.assign(globalThis, { addEventListener, removeEventListener }));
    delete (globalThis as Partial<typeof globalThis>).addEventListener;
    delete (globalThis as Partial<typeof globalThis>).removeEventListener;
    await new Promise((resolve) => setTimeout(resolve));
    expect([...elements].map((element) => element.shadowRoot?.childNodes.length)).toEqual([0, 0, 0]);
  });
});

describe("an element's language without a locale of its own", () => {
  const heading = (element: HTMLElement) => element.shadowRoot?.querySelector('h2')?.textContent;
  const spoken = (element: HTMLElement) => element.shadowRoot?.querySelector('section')?.getAttribute('lang');

  it('is its nearest lang, as HTML has any element’s, before the page’s', async () => {
    document.documentElement.lang = 'de';
    try {
      const section = mount('<div lang="es"><referkit-share code="ALEX-7HC2QK"></referkit-share></div>');
      const inSection = section.firstElementChild as HTMLElement;
      const own = mount('<referkit-share code="ALEX-7HC2QK" lang="ar"></referkit-share>');
      await vi.waitFor(() => expect([spoken(inSection), spoken(own)]).toEqual(['es', 'ar']));
      expect(heading(inSection)).toBe('Invita a tus amigos a Acme');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('follows the page when a single-page app switches its language', async () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
    expect(heading(element)).toBe('Invite friends to Acme');
    document.documentElement.lang = 'de';
    try {
      await vi.waitFor(() => expect(heading(element)).toBe('Lade Freunde zu Acme ein'));
    } finally {
      document.documentElement.lang = '';
    }
    await vi.waitFor(() => expect(heading(element)).toBe('Invite friends to Acme'));
  });

  it('is the page’s for an empty locale attribute, as templates write one with nothing in it', async () => {
    document.documentElement.lang = 'es';
    try {
      const element = mount('<referkit-share code="ALEX-7HC2QK" locale=""></referkit-share>');
      await vi.waitFor(() => expect(spoken(element)).toBe('es'));
    } finally {
      document.documentElement.lang = '';
    }
    expect(warn.mock.calls).toEqual([]);
  });
});

describe('defineElements', () => {
  it('can be called again without a second registration error', () => {
    expect(() => defineElements()).not.toThrow();
  });
});

describe('<referkit-share role>', () => {
  it('shows a Referkit role and moves it to ambassador-role, where audits do not read it as an ARIA role', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" role="influencer"></referkit-share>');
    expect(element.shadowRoot?.textContent).toContain('Influencer');
    expect(element.hasAttribute('role')).toBe(false);
    expect(element.getAttribute('ambassador-role')).toBe('influencer');
  });

  it('follows a role set after connecting', async () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK"></referkit-share>');
    element.setAttribute('role', 'community_leader');
    await vi.waitFor(() => expect(element.shadowRoot?.textContent).toContain('Community leader'));
    expect(element.hasAttribute('role')).toBe(false);
  });

  it('leaves an ARIA role alone and shows no Referkit role for it', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" role="region"></referkit-share>');
    expect(element.getAttribute('role')).toBe('region');
    expect(element.shadowRoot?.textContent).not.toMatch(/Ambassador|Influencer|Community leader/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs one line for an ambassador-role that is not a Referkit role and shows none', () => {
    const element = mount('<referkit-share code="ALEX-7HC2QK" ambassador-role="dir"></referkit-share>');
    expect(element.shadowRoot?.textContent).not.toContain('ltr');
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not show the role "dir": it is not a Referkit role. Use ambassador, community_leader, influencer.',
      ],
    ]);
  });
});
