/**
 * The custom elements `<referkit-share>` and `<referkit-offer>`: each renders its Preact component
 * into its own shadow root with the shared constructable stylesheet, from the page's setup (init)
 * and its attributes. A misconfigured element logs one `[referkit]` line and renders nothing.
 */

import type { Role } from '@referkit/events';
import { normalizeCode } from '@referkit/events/code';
import { type ComponentChild, h, render } from 'preact';
import { CHANNELS, type IntentChannel } from './channels.js';
import {
  clientFor,
  currentSetup,
  explainMissingSetup,
  init,
  landingAddress,
  onSetup,
  type ProgramTerms,
  renderAll,
  type Setup,
  type WidgetConfig,
} from './config.js';
import { type ResolvedLocale, resolveLocale } from './i18n/locale.js';
import { misconfigured, notWorded } from './log.js';
import { OfferBanner } from './offer-banner.js';
import { hasOffer } from './offer-text.js';
import { dispatchReferkitEvent } from './referkit-event.js';
import { settingsHaveTheirTypes } from './setting-types.js';
import { type ShareDetail, SharePanel, type SharePanelProps } from './share-panel.js';
import { widgetStyles } from './styles.js';

/** The props both components take, from the setup, the attributes and the catalogue. */
type ElementProps = Pick<SharePanelProps, 'client' | 'endpoint' | 'text' | 'locale'> & { terms: ProgramTerms };

// Server-side rendering and old runtimes have no HTMLElement to extend; the classes then extend nothing useful.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * The trees whose `lang` attributes are watched: the document (its `<html>` too), and each shadow root an
 * element is placed in; an element of the page itself has the document as its root, watched once.
 */
const watchedLang = new WeakSet<Node>();

/** Renders every element again when a `lang` attribute in `tree` changes. */
function watchLang(tree: Node): void {
  if (watchedLang.has(tree)) return;
  watchedLang.add(tree);
  new MutationObserver(renderAll).observe(tree, { attributeFilter: ['lang'], subtree: true });
}

abstract class ReferkitElement extends Base {
  static observedAttributes = ['code', 'name', 'role', 'ambassador-role', 'locale', 'channels', 'terms'];
  declare private _unsubscribe?: () => void;
  protected _token = 0;

  connectedCallback() {
    // A document with no window (one a parser or a sanitizer built) shows nothing and cannot make a sheet:
    // the element waits there, and renders when it is moved back into a page.
    if (!this.ownerDocument.defaultView) return;
    // Each connect, not only the first: an element moved from another document comes without its sheet.
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).adoptedStyleSheets = [widgetStyles(this.ownerDocument)];
    this._unsubscribe ??= onSetup(() => this._update());
    // An element without a `locale` speaks its place's language: a single-page app's language switch
    // (`<html lang>` or a section's) renders every element again. The page's observer sees no shadow
    // root: another component's, which this element is in, is watched too.
    watchLang(document);
    watchLang(this.getRootNode());
    // A microtask's grace lets an app call init() right after defining the elements.
    if (currentSetup()) this._update();
    else queueMicrotask(() => this._update());
  }

  disconnectedCallback() {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    // A paint still waiting for its catalogue is dropped: it would render into a detached root that
    // nothing unmounts (an element removed right after it was added: a quick route change, StrictMode).
    this._token++;
    // Moving the element elsewhere in the page is a disconnect and a connect in one task: it unmounts
    // only if still out a microtask later, so that a move keeps the ambassador's edited message.
    queueMicrotask(() => this.isConnected || render(null, this.shadowRoot as ShadowRoot));
  }

  attributeChangedCallback() {
    if (this.isConnected && currentSetup()) this._update();
  }

  /** Renders now, or once the catalogue of the asked-for language has loaded. */
  _update() {
    const setup = currentSetup();
    const root = this.shadowRoot;
    // An upgrade reports the attributes before connecting: until connectedCallback there is no shadow root.
    if (!root || !this.isConnected) return;
    const own = this._own();
    if (!setup) {
      // A page without init may set everything up in an element's terms: the first such element does.
      // Terms that could not be read have said so; that no init came is not a second line to read.
      if (own?.program && own.endpoint) init(own as WidgetConfig);
      else if (own) explainMissingSetup(this.localName);
      return;
    }
    const terms = own && this._terms(setup, own);
    if (!terms) return void render(null, root);
    // An empty attribute (`locale=""`, as templates write one with nothing in it) is no locale. Without
    // one, the element's language is its nearest `lang`, as HTML has any element's, else the page's.
    const asked = this.getAttribute('locale') || terms.locale;
    const resolved = resolveLocale(
      asked || ((this.closest('[lang]') as HTMLElement | null) ?? document.documentElement).lang,
      !!asked,
    );
    const token = ++this._token;
    const paint = ({ locale, text }: ResolvedLocale) => {
      if (token !== this._token) return;
      // The widget never throws into the page: terms `Intl` cannot format (a currency like "DOLLARS")
      // leave the element empty with one line saying why, the same line from every element.
      try {
        const client = clientFor(setup, terms);
        render(this._view({ client, terms, endpoint: terms.endpoint, text, locale }), root);
      } catch (error) {
        render(null, root);
        misconfigured('show the widget', ...notWorded(error));
      }
    };
    if (resolved instanceof Promise) resolved.then(paint);
    else paint(resolved);
  }

  /**
   * The element's `terms` attribute (JSON) as settings: none when it is absent, `null` when it is not
   * a JSON object or a setting has the wrong type (logged: the element then shows nothing).
   */
  _own(): Partial<WidgetConfig> | null {
    let own: unknown;
    try {
      // An empty attribute (`terms=""`, as templates write one with nothing in it) is no terms.
      own = JSON.parse(this.getAttribute('terms')?.trim() || '{}');
    } catch {}
    // Terms the page meant to lay over init's (another offer, another endpoint) and that cannot be
    // read must not leave the element promising init's: it shows nothing, as for a setting of the wrong type.
    if (typeof own !== 'object' || !own || Array.isArray(own)) {
      misconfigured('read the terms attribute', 'it is not a JSON object', `Write terms='{"brand":"Acme"}'.`);
      return null;
    }
    return settingsHaveTheirTypes(own as object, 'Fix it in the terms attribute.')
      ? (own as Partial<WidgetConfig>)
      : null;
  }

  /** The init settings with the element's own (`terms`) and its `channels` attribute laid over them. */
  _terms({ config }: Setup, own: Partial<WidgetConfig>): WidgetConfig {
    // The attribute's channels, else the terms'; either may name one that is not a share channel.
    const channels = (this.getAttribute('channels')
      ?.split(/[\s,]+/)
      .filter(Boolean) ??
      own.channels ??
      config.channels) as IntentChannel[] | undefined;
    const unknown = channels?.filter((channel) => !CHANNELS.includes(channel));
    if (unknown?.length) {
      misconfigured(
        `show the channels ${unknown.join(', ')}`,
        'they are not share channels',
        `Use ${CHANNELS.join(' ')}.`,
      );
    }
    return {
      ...config,
      ...own,
      ...(channels && { channels: channels.filter((channel) => CHANNELS.includes(channel)) }),
    };
  }

  /** The element's component, given the props both components take. */
  abstract _view(props: ElementProps): ComponentChild;
}

const ROLES = ['ambassador', 'community_leader', 'influencer'];

/**
 * `<referkit-share code="ALEX-7HC2QK" name="Alex" role="ambassador" locale="es" channels="whatsapp email">`.
 * `role` is also ARIA's attribute, where `ambassador` is no role at all (audits flag it), so a Referkit
 * role written there is moved to `ambassador-role` as the element connects; other `role` values are ARIA's
 * and left alone.
 */
export class ReferkitShareElement extends ReferkitElement {
  override connectedCallback() {
    this._moveRole();
    super.connectedCallback();
  }

  override attributeChangedCallback(name?: string) {
    if (name === 'role' && this._moveRole()) return;
    super.attributeChangedCallback();
  }

  /** Moves a Referkit role from `role` to `ambassador-role`; true when it did (that change re-renders). */
  _moveRole(): boolean {
    const role = this.getAttribute('role');
    if (!ROLES.includes(role!)) return false;
    this.removeAttribute('role');
    this.setAttribute('ambassador-role', role!);
    return true;
  }

  /** The `ambassador-role` attribute when it names a Referkit role; anything else is logged and ignored. */
  _ambassadorRole(): Role | undefined {
    const role = this.getAttribute('ambassador-role');
    if (role && !ROLES.includes(role)) {
      misconfigured(`show the role "${role}"`, 'it is not a Referkit role', `Use ${ROLES.join(', ')}.`);
    }
    return ROLES.includes(role as Role) ? (role as Role) : undefined;
  }

  /**
   * Logs what this render lacks a frame later, unless the element rendered again or left the page by then:
   * Angular's `[attr.code]` and Lit's bindings insert the element and set its attributes just after, and
   * the render those bring answers for itself. Only the line waits; what is shown is painted at once.
   */
  _lacks(why: string, fix: string) {
    const token = this._token;
    requestAnimationFrame(() => token === this._token && misconfigured('show the share panel', why, fix));
  }

  _view(props: ElementProps) {
    const code = normalizeCode(this.getAttribute('code'));
    if (!code) {
      this._lacks(
        `the code attribute "${this.getAttribute('code') ?? ''}" is not a referral code`,
        'Set code="ALEX-7HC2QK".',
      );
      return null;
    }
    const { terms } = props;
    // Without the offer the panel would invite friends to "Here is  with my link".
    if (!hasOffer(terms)) {
      // Only what is missing: a currency given (`usd`) is not named as missing too.
      const missing = (['currency', 'friendOffer'] as const).filter((name) => !terms[name]).join(' and ');
      this._lacks(`the terms have no ${missing}`, `Add ${missing} to init.`);
      return null;
    }
    return h(SharePanel, {
      ...props,
      terms,
      key: code,
      code,
      name: this.getAttribute('name') ?? undefined,
      role: this._ambassadorRole(),
      // A copy or share that completes after the element left the page (the clipboard answers after the click,
      // the share sheet after the person chose) was made: the element's document still hears it, which a
      // detached element's own event would not reach.
      emit: (type: string, detail: ShareDetail) =>
        dispatchReferkitEvent(this.isConnected ? this : this.ownerDocument, type, detail),
    });
  }
}

/** `<referkit-offer>`: the friend's banner, shown when the page captured a referral. */
export class ReferkitOfferElement extends ReferkitElement {
  _view(props: ElementProps) {
    const { client } = props;
    // One banner per referral: a capture after the first paint (a prerendered page once viewed, a
    // single-page app's new link) makes the banner of the new code, not an update of the old one's.
    // A banner whose terms name another program or endpoint than init's looks the code up there, and the
    // landing is that program's to count too: its client captures the address init did (at each
    // render: the SDK reports one landing per program, and a second capture of an address is a second view).
    return h(OfferBanner, {
      ...props,
      key: (client === currentSetup()?.client ? client.referral() : client.capture(landingAddress()))?.code,
    });
  }
}

/** Defines both elements once; a second call (or a second copy of the script) changes nothing. */
export function defineElements(): void {
  for (const [name, element] of [
    ['referkit-share', ReferkitShareElement],
    ['referkit-offer', ReferkitOfferElement],
  ] as const) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}
