/**
 * The page's Referkit setup: `Referkit('init', …)` (or `init(…)` from the ESM entry) creates one
 * SDK client, captures the referral in the URL, and hands both to every element on the page.
 */
import { type CaptureClient, createCaptureClient, readReferral } from '@referkit/sdk';
import type { IntentChannel } from './channels.js';
import { followRoutes } from './follow-routes.js';
import { en } from './i18n/en.js';
import { misconfigured, notWorded } from './log.js';
import { type OfferTerms, offerHeadline } from './offer-text.js';
import { dispatchReferkitEvent } from './referkit-event.js';
import { settingsHaveTheirTypes } from './setting-types.js';
import type { Disclosure } from './share-message.js';

/**
 * The SDK client the widget uses: capture, consent, share links and share reports. The widget never
 * redeems, so it builds the client without redeem and email hashing; a full `createReferkit` client
 * passed in as `client` fits this type too.
 */
export type ReferkitClient = CaptureClient;
type ClientOptions = Parameters<typeof createCaptureClient>[0];

/** The program's display terms, from `Referkit('init', …)` or an element's `terms` attribute. */
export interface ProgramTerms extends Partial<OfferTerms> {
  /** The brand's name, shown in the panel's heading and the default message. */
  brand?: string;
  /** The line every shared message carries. */
  disclosure?: Disclosure;
  /** The prefilled message; `{brand}`, `{offer}`, `{name}` and `{reward}` are filled in, any other `{…}` kept as written. */
  shareMessage?: string;
  /** @default all of `CHANNELS` */
  channels?: IntentChannel[];
  /** The page links point to; a server rendering the share panel has no page, and needs it. @default the page's origin */
  base?: string;
  /** BCP 47 tag of the widget's language. @default the page's `lang` */
  locale?: string;
  /** The brand's API base: an element's `terms` may point at another than init's. */
  endpoint?: string;
}

/** What `Referkit('init', …)` accepts: the SDK's options plus the program's display terms. */
export interface WidgetConfig extends ProgramTerms {
  /** The program's id, e.g. `spring-2026`. */
  program: string;
  /** The brand's API base, e.g. `/api`. */
  endpoint: string;
  consent?: ClientOptions['consent'];
  param?: ClientOptions['param'];
  attribution?: ClientOptions['attribution'];
  /** A client the app already made; the widget then uses it instead of making its own (a `consent` given is applied to it). */
  client?: ReferkitClient;
}

/** The setup every element reads. */
export interface Setup {
  config: WidgetConfig;
  client: ReferkitClient;
}

let setup: Setup | undefined;

/**
 * Whether the browser prerenders the page (as the SDK's capture reads it): only `true` says so, since an
 * element named "prerendering" (`<img name>`) is the document's property of that name.
 */
const prerendering = () => (document as { prerendering?: unknown }).prerendering === true;

const listeners = new Set<() => void>();
// One mistake, one line: a failed init has said why there is no setup, and of the elements waiting
// for one only the first says so.
let explained = false;
/** The code whose landing `referkit:capture` announced last. */
let announced: string | undefined;

/**
 * Says, once, why elements show nothing without a setup, if the page still has none a second after
 * it finished loading: a page may well call init from its own script after this one runs (on
 * DOMContentLoaded), and a tag manager's "window loaded" trigger calls it in the moments after load.
 */
export function explainMissingSetup(element: string): void {
  const explain = () => {
    if (setup || explained) return;
    explained = true;
    misconfigured(
      `show <${element}>`,
      "Referkit('init', …) was not called within a second of the page loading",
      'Call it with { program, endpoint }.',
    );
  };
  const soon = () => setTimeout(explain, 1e3);
  if (document.readyState === 'complete') soon();
  else addEventListener('load', soon, { once: true });
}

/** The current setup, if `init` has run. */
export function currentSetup(): Setup | undefined {
  return setup;
}

/**
 * The clients the widget made, one for each program and endpoint: init's, and those of elements whose
 * terms name another program or endpoint than init's. Kept for the page's life: each listens for the
 * page's `online`, `pagehide` and `pageshow`, and may hold in memory what consent keeps from storage (a
 * referral, queued events), so an init that comes back to a program (a single-page app's routes
 * alternating two) takes its client again rather than adding one.
 */
const clients = new Map<string, ReferkitClient>();
const keyOf = ({ program, endpoint }: WidgetConfig) => `${program} ${endpoint}`;

/**
 * The client an element's terms report to: init's, or one of the program and endpoint they name, made
 * with init's consent. A second program's panel reported its shares to init's backend under init's
 * program, which refused them (`unknown_code`, final).
 */
export function clientFor({ config, client }: Setup, terms: WidgetConfig): ReferkitClient {
  if (terms.program === config.program && terms.endpoint === config.endpoint) return client;
  const key = keyOf(terms);
  if (!clients.has(key))
    clients.set(key, createCaptureClient({ ...terms, consent: client.consent() } as ClientOptions));
  return clients.get(key)!;
}

/**
 * Applies the visitor's consent to every client of the page: `main` (init's, perhaps the page's own) and
 * those the widget made, an earlier init's among them, which a later init may take again.
 */
export function setConsent(state: ClientOptions['consent'] & string, main = setup?.client): void {
  for (const client of new Set([main, ...clients.values()])) client?.setConsent(state);
}

/** Calls `listener` after every `init`; returns the unsubscribe function. */
export function onSetup(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Sets the widget up: makes the SDK client, captures a referral in the URL (firing
 * `referkit:capture` on `document`), and renders every element. Returns whether it worked;
 * a bad config logs one line and changes nothing.
 * @example init({ program: 'spring-2026', endpoint: '/api', brand: 'Acme', currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } })
 */
export function init(config: WidgetConfig): boolean {
  // An init that fails says why; one that works leaves no element waiting. Either way no element need say
  // that init was not called.
  explained = true;
  if (typeof config?.program !== 'string' || typeof config.endpoint !== 'string') {
    misconfigured('start', 'init needs a program and an endpoint', "Call Referkit('init', { program, endpoint }).");
    return false;
  }
  if (!settingsHaveTheirTypes(config, 'Fix it in init.') || !worded(config)) return false;
  // A null setting is unset, as it is to the checks above, for every reader after them at once: `land`'s
  // readReferral, whose `param` defaults only when absent (a null one read no code), and the elements'
  // terms. The SDK reads a null option as absent too, but only its own options.
  config = Object.fromEntries(Object.entries(config).filter(([, value]) => value != null)) as WidgetConfig;
  // A second init for the same program and endpoint (to change terms, or set consent), or one that comes
  // back to it, takes the client the widget made for it, with its other options: a new client would hold
  // none of what the first keeps in memory before consent, would report the landing again, and would add
  // its page listeners to the first's for good (twenty inits alternating two programs left 22 clients).
  const made = clients.get(keyOf(config));
  // A client made before this init (the page's own, or one kept) takes its consent as
  // Referkit('consent', …) would; a new one is made with it.
  const existing = config.client ?? made;
  if (existing && config.consent) setConsent(config.consent, existing);
  let client: ReferkitClient;
  try {
    // The SDK reads only its own options from the config; the display terms ride along unread.
    client = existing ?? createCaptureClient(config as ClientOptions);
  } catch (error) {
    misconfigured('start', (error as Error).message, 'Check the options passed to init.');
    return false;
  }
  if (!config.client) clients.set(keyOf(config), client);
  setup = { config, client };
  // A single-page app's move to an address with a referral is a landing as a page load is: captured,
  // announced and shown. Not while the page is prerendered: a router's first replaceState is no view.
  followRoutes(() => setup && !prerendering() && land(setup.client, setup.config));
  // A page the browser prerenders is no landing until the person views it (the SDK's capture waits
  // too): the elements render now, with what was held before, and again once it is in view.
  if (prerendering()) {
    document.addEventListener('prerenderingchange', () => land(client, config), { once: true });
    renderAll();
  } else land(client, config);
  return true;
}

/**
 * True when the panel can put the terms' offer and reward in words; else logs one line saying why. Init
 * refuses such terms as it does a setting of the wrong type: taken, they left every panel empty, and the
 * rest of them (a brand) reached the panels added later. Worded as a panel words them, by `offer-text.ts`
 * alone, in English: which amounts, kinds and types can be said is the same in every language.
 */
function worded(terms: WidgetConfig): boolean {
  try {
    // Every piece the init carries, though it lacks the offer or the currency (a panel's terms may bring
    // them): what it lacks is said over a stand-in that always can be. Free shipping has no amount; XXX is
    // ISO 4217's "no currency", and a currency changes how a count of minor units reads, never whether it
    // can (a whole number in range). Absent, undefined or null alike, as `hasOffer` reads them.
    offerHeadline(en, 'en', {
      ...terms,
      friendOffer: terms.friendOffer || { kind: 'free_shipping' },
      currency: terms.currency || 'XXX',
    });
    return true;
  } catch (error) {
    misconfigured('use the terms', ...notWorded(error));
    return false;
  }
}

/** The address init's capture read, and the one it left the page at (without the code, by `cleanUrl`). */
let landed: [read: string, left: string] | undefined;

/**
 * The address a banner of another program captures: the one init read while the page is still where
 * init's `cleanUrl` left it, else the page's own. Captured later, the cleaned address has no landing.
 */
export const landingAddress = (): string => (landed?.[1] === location.href ? landed[0] : location.href);

/** Captures the referral in the address, announces it with `referkit:capture`, and renders every element. */
function land(client: ReferkitClient, config: WidgetConfig): void {
  // The address before capture: with the SDK's `cleanUrl`, capture takes the code out of it.
  const address = location.href;
  const referral = client.capture();
  landed = [address, location.href];
  // Only a code in this page's URL that the referral now credits is a capture: not a referral remembered
  // from an earlier page, nor a code the SDK read as a second view (the back button to an earlier
  // landing, another code's since) or left uncredited (first touch), nor the same code read again (a
  // second init, a route change that kept it: an in-page link's fragment, a filter's query).
  const code = readReferral(address, config.param)?.code;
  if (code && referral?.code === code && announced !== code) {
    announced = code;
    dispatchReferkitEvent(document, 'referkit:capture', referral);
  }
  renderAll();
}

/** Renders every element again: after init, and once consent lets them read what an earlier page stored. */
export function renderAll(): void {
  for (const listener of listeners) listener();
}
