/**
 * The friend's offer banner: "Alex gave you 15% off your first order", the code, and a dismiss
 * button whose choice is remembered through the SDK's consent-respecting storage. It is painted
 * from the captured referral and the terms from init at once; the name arrives from the brand's
 * code lookup, never from the URL. Fixed to the viewport's edge in the top layer, it never pushes the page's
 * content, and it moves to the other edge rather than hide what the keyboard focuses.
 */
import type { PublicCode } from '@referkit/events';
import { apiUrl } from '@referkit/sdk';
import { Component, type RefObject } from 'preact';
import type { ReferkitClient } from './config.js';
import { focusedElement } from './focused-element.js';
import { type Catalogue, fill, fillIsolated } from './i18n/catalogue.js';
import { friendOfferText, hasOffer, type OfferTerms } from './offer-text.js';
import { getJson } from './stats.js';

/** Props of `OfferBanner`. */
export interface OfferBannerProps {
  client: ReferkitClient;
  /** Terms from init; without them the banner waits for the code lookup's terms. */
  terms?: Partial<OfferTerms>;
  /** The brand's API base; without it the banner says "A friend". */
  endpoint?: string;
  text: Catalogue;
  locale: string;
}

// State keys are `_`-prefixed so the build mangles them to one letter (state never leaves the component).
interface State {
  /** The code's public lookup; `null` once the brand has said the code is not one of its own. */
  _lookup?: PublicCode | null;
  /** At the viewport's top edge rather than its bottom, off an element the keyboard focused there. */
  _up?: boolean;
  /** The height of the box as first painted (`123.5px`), which it keeps once the code lookup has answered. */
  _height?: string | null;
}

/**
 * The room the banner keeps for the name the code lookup brings after the first paint: a name about
 * this wide. Fixed to the viewport's bottom, a banner whose text took a line more or less once
 * "A friend" became "Alex Rivera" (or "Alex") would move its top edge, a layout shift of ~0.008 a line
 * on a phone; its offer's line is as tall as this name's sentence from the start. The box keeps that
 * height once the lookup has answered: a wider name, or terms init left out, scroll within it.
 */
const NAME_ROOM = 'Xxxxxxxxx Xxxxxxxxx';

/**
 * The storage key of a dismissed banner: per code, so a new friend's link shows again. Its value is the end
 * of the dismissed referral's window (its `expiresAt`).
 */
export const dismissedKey = (code: string) => `dismissed:${code}`;

/** The banners on the page: one dismissed is every one dismissed, as the next page would have it. */
const banners = new Set<OfferBanner>();

/**
 * What had focus in the page before what has it now: the element focus last left, however deep in a shadow
 * root (a focus event's target stops at the host), none when it left for nothing (a click on the page's
 * background), or the frame focus went into.
 */
let left: EventTarget | null | undefined;
const leaving = (event: FocusEvent) => {
  left = event.relatedTarget && event.composedPath()[0];
};

/** Whether the page looks, at each animation frame, at which frame has focus. */
let watching = false;

/**
 * Has every banner check, a frame later, that it hides nothing of what has focus. After a `resize` (a phone
 * turned, a window made narrower, a zoom in), which lays their text out anew, each first takes the height its
 * text then needs, where the code lookup's answer had held it to its first paint's.
 */
const reveal = (resize?: Event) => {
  for (const banner of banners) {
    if (resize) banner.setState({ _height: undefined });
    // A banner that shows nothing (dismissed, no referral) has nothing to move: no callback a frame for it while
    // a shopper types a card number (a flaky CI run counted one after a dismissal).
    banner._aside.current && banner._reveal();
  }
};

/**
 * Has the banners look again at each focus move. Focus moving between two elements of one shadow root (the
 * share panel's own controls, another library's) is not seen outside that root: the retargeted event
 * stops at its boundary (DOM's dispatch, "relatedTarget" retargeting). So each shadow root focus enters
 * is listened to as well (adding a listener twice adds it once). A move seen by a root and by the
 * window is handled twice, to one end: both read where the banner is, and the state it rendered from.
 */
const focused = (event: Event) => {
  for (const node of event.composedPath())
    if (node instanceof ShadowRoot) node.addEventListener('focusin', focused, true);
  reveal();
};

/**
 * Focus gone into a frame (a payment provider's card fields, in a frame of its own origin) reaches the page
 * only as its window's blur, with no focusin: the frame is then what has focus in the page, for the banners
 * to move off, and where focus goes back to from the banner (focus coming out of a frame has no
 * relatedTarget). Focus going on from one frame to another (a provider's next hosted field) reaches the page
 * not at all: while a frame has focus and a banner is there, the page looks at each animation frame (none
 * while the page is hidden) at which one has.
 */
const framed = () => {
  const frame = focusedElement();
  if (frame !== left) {
    left = frame;
    reveal();
  }
  // Only while a banner shows: one that renders nothing (no referral, dismissed) has nothing to move, and a
  // shopper typing a card number would pay a callback a frame for it. One look a frame, however many blurs.
  watching = !!(frame as HTMLIFrameElement).contentWindow && [...banners].some((banner) => banner._aside.current);
  if (watching) requestAnimationFrame(framed);
};

/** The window's blur: the page starts looking at which frame has focus, unless it already looks. */
const blurred = () => watching || framed();

/**
 * One set of focus and resize listeners on the window for the page's banners, whatever their number
 * (adding one again adds nothing), taken away with the last of them.
 */
const listen = () => {
  // A window's method called on nothing is called on the window (WebIDL's "this" of a global's operation).
  // Only the page's last banner takes them away, and it may unmount once the window's globals are gone: a DOM
  // emulator's teardown (vitest's jsdom) closes the window, which drops its listeners, then deletes its globals.
  const toggle = banners.size ? addEventListener : globalThis.removeEventListener;
  if (!toggle) return;
  toggle('focusout', leaving, true);
  toggle('focusin', focused, true);
  toggle('blur', blurred);
  // A narrower viewport (a window made narrower, a zoom in) wraps the banner's text on more lines, and a
  // shorter one moves its place up: either may put it over what has focus, with no focus event to say so.
  toggle('resize', reveal);
};

/** The offer banner; renders nothing without a captured referral or once dismissed. */
export class OfferBanner extends Component<OfferBannerProps, State> {
  _referral = this.props.client.referral();
  _code = this._referral?.code;
  state: State = {};
  /**
   * Whether this banner's referral was dismissed: a dismissal holds for the referral it dismissed and for
   * the same code's link followed again before that referral's window ended (a landing then), no longer.
   * Every other dismissal is forgotten here, so that none names an ambassador on the device once their
   * referral is gone from it (expired, or replaced by another code's), and a landing after that shows the
   * banner again. Read at every render, not once: consent granted after the first paint lets the banner
   * read a dismissal an earlier page stored, and a dismissal in another banner is this one's too.
   */
  _dismissed = () => {
    const { storage } = this.props.client;
    let dismissed = false;
    // Both times are ISO strings from `toISOString`, which compare as text in time order.
    for (const key of storage.keys())
      if (key.startsWith('dismissed:')) {
        if (key === dismissedKey(this._code!) && storage.get(key)! > this._referral!.landedAt) dismissed = true;
        else storage.remove(key);
      }
    return dismissed;
  };
  _returnTo: Element | null = null;

  _aside: RefObject<HTMLElement | null> = { current: null };
  /**
   * WCAG 2.2's focus not obscured: fixed over the page, the banner must not hide what the keyboard
   * focuses (a footer link, a share panel's last row on a small screen, a card field in a payment
   * provider's frame). It goes to the viewport's edge where it hides nothing of it, checked a frame later,
   * once the page has scrolled the element into view, and again once the code lookup has answered (which
   * shows a banner that waited for its terms) and at each resize of the viewport, either of which may leave
   * the banner over it.
   * No more than half the viewport tall (styles.ts), it always has such an edge for what it could hide
   * whole, even on a page too short to scroll (text at 400% on a phone, qa100).
   */
  _reveal() {
    requestAnimationFrame(() => {
      const aside = this._aside.current;
      // Only a document without a body has no active element, and a banner shown is in the page's body.
      const focused = focusedElement() as Element;
      // With nothing focused, the body is the active element: there is nothing to keep in view.
      if (!aside || aside.contains(focused) || focused === document.body) return;
      // Both places are read from the banner's layout box, its place at the bottom edge, and not from
      // where it is painted: while it slides in (the first quarter second) or after a move, the painted
      // box is neither place, and a link a fast Tab reached under the banner's last place was left hidden.
      // A fixed box's offsetTop is measured in the viewport, without transforms (the slide and the move
      // are vertical translations, which leave its height and sides as painted). The gap to the edge is
      // the same at the top, so the top place begins at the viewport's height less the bottom place's bottom.
      // Under CSS `zoom` (standardised: Chromium 128, Firefox 126) offsetTop is in the banner's own pixels, the
      // rest in the viewport's, where every place is compared (at 150% it moved off a control far above it).
      const top = aside.offsetTop * (aside.currentCSSZoom || 1);
      const banner = aside.getBoundingClientRect();
      const area = focused.getBoundingClientRect();
      // How much of its height each place covers. Where both cover part of it (a frame taller than the gap
      // between them, whose focused field the page cannot see), the banner takes the place covering less.
      const covers = (at: number) => Math.max(0, Math.min(area.bottom, at + banner.height) - Math.max(area.top, at));
      const low = covers(top);
      const high = covers(innerHeight - top - banner.height);
      if (low !== high && area.right > banner.left && area.left < banner.right) this.setState({ _up: low > high });
    });
  }

  componentWillUnmount() {
    banners.delete(this);
    // With banners left, the window's listeners stay: adding them again adds nothing, and would reach for a
    // global that a DOM emulator's teardown may have deleted.
    banners.size || listen();
  }

  /**
   * Shows the banner in the top layer after each render: an ancestor with a transform, filter, perspective or
   * `contain` (a wrapper's `will-change`) held a fixed box at the end of a long page, and `contain: paint` or
   * `content-visibility: auto` hid it while its Dismiss still took focus (qa144). A manual popover moves no
   * focus and closes on no Escape or tap. Each render: a page moving the element hides it (HTML's removing
   * steps). Not over a modal dialog the page showed first, inert there; without popovers, a fixed box as before.
   */
  componentDidUpdate() {
    try {
      document.querySelector(':modal') || this._aside.current?.showPopover?.();
    } catch {}
  }

  componentDidMount() {
    this.componentDidUpdate();
    banners.add(this);
    listen();
    const { _code: code, props } = this;
    if (code && props.endpoint && !this._dismissed()) {
      getJson<PublicCode>(apiUrl(props.endpoint, `/codes/${encodeURIComponent(code)}`), code).then(
        // The box keeps the height it was painted with: the name and the lookup's terms go in it. Fixed to the
        // viewport's bottom, a box a line taller moved its top edge, a layout shift (~0.01 on a phone). What
        // does not fit scrolls within it, the offer first and the code under it, as at 400% zoom. Its computed
        // height is in its style's unit; getBoundingClientRect's was zoomed again under CSS `zoom` (130 → 196px).
        (lookup) =>
          lookup !== undefined &&
          this.setState(
            {
              _lookup: lookup,
              _height: this._aside.current && getComputedStyle(this._aside.current).height,
            },
            reveal,
          ),
      );
    }
  }

  _dismiss = () => {
    this.props.client.storage.set(dismissedKey(this._code!), this._referral!.expiresAt);
    for (const banner of banners) banner.forceUpdate();
    // The dismiss button disappears with the banner: focus goes back where it was before the banner.
    (this._returnTo as HTMLElement | null)?.focus();
  };

  render({ terms, text, locale, endpoint }: OfferBannerProps, { _lookup: lookup, _up: up, _height: height }: State) {
    // Dismissals are read first, without a referral too: that forgets those of a referral gone. A code the
    // brand does not know gets no discount at checkout: the banner must not promise one.
    if (this._dismissed() || !this._code || lookup === null) return null;
    // The code's own terms, from the lookup, win once they come: they are the brand's program as its receiver
    // applies it (an influencer's campaign may offer more; a minimum init left out is refused at checkout all
    // the same). Init's paint at once until then. A lookup whose terms cannot be put in words is passed over.
    let offer: string | undefined;
    try {
      if (hasOffer(lookup)) offer = friendOfferText(text, locale, lookup, true);
    } catch {}
    // The offer painted first: init's, or the lookup's when init had none and the banner waited for it.
    const painted = hasOffer(terms) ? friendOfferText(text, locale, terms, true) : offer;
    if (!painted) return null;
    offer ||= painted;
    // Direction marks and overrides in a name (U+202E and its kin) would reorder the sentence around
    // it, so that the offer reads backwards or another way; a name needs none of them.
    const name = lookup?.displayName?.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
    return (
      <aside
        ref={this._aside}
        popover="manual"
        class={up ? 'u' : undefined}
        // The move to the top edge (styles.ts) is laid out in its own pixels, the viewport's height in zoomed ones.
        style={{ height, '--z': this._aside.current?.currentCSSZoom }}
        dir={text.dir}
        lang={locale}
        aria-label={text.offer}
        // The text the stylesheet lays, unseen, under the offer's line (styles.ts): its room for a name. With
        // the offer painted first, before the lookup and after: laid with the lookup's longer terms ("($20
        // minimum)", which init left out), the room itself grew a line, where the named sentence fitted it.
        data-r={endpoint && fill(text.named, { name: NAME_ROOM, offer: painted })}
        onFocusIn={(event) => {
          const from = event.relatedTarget as Element | null;
          if (!event.currentTarget.contains(from)) this._returnTo = left as Element;
        }}
      >
        {/* The named sentence is a new paragraph, not the old one's text replaced: in a right-to-left line,
            Chromium counts the old text's first glyph moving under a pixel as a layout shift of it. So is the
            code's line under it: a sentence longer than the room kept moves it down (into the box's scroll). */}
        <p key={name}>{fillIsolated(name ? text.named : text.friend, { name, offer })}</p>
        <p key={offer + name} class="n">
          {fillIsolated(text.code, { code: this._code })}
        </p>
        <button type="button" aria-label={text.dismiss} onClick={this._dismiss}>
          ×
        </button>
      </aside>
    );
  }
}
