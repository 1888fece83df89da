/**
 * The ambassador's share panel: the offer in plain words, their link with a copy button, native
 * share and channel links, a QR code on demand, their message (disclosure kept) and their progress.
 * A class component: Preact's hooks would add ~900 B brotli to a bundle budgeted at 9,000.
 */
import type { AmbassadorPublicStats, Channel, Role } from '@referkit/events';
import { apiUrl, shareIntents } from '@referkit/sdk';
import { Component, createRef } from 'preact';
import { CHANNELS, channelName, type IntentChannel } from './channels.js';
import type { ProgramTerms, ReferkitClient } from './config.js';
import { copyText } from './copy-text.js';
import { type Catalogue, fill, fillIsolated } from './i18n/catalogue.js';
import { loadProgress, loadQr } from './lazy.js';
import { misconfigured, partNotLoaded } from './log.js';
import { friendOfferText, type OfferTerms, offerHeadline, rewardText } from './offer-text.js';
import type { QrPath } from './qr.js';
import { composeMessage, fitForX, prefillMessage } from './share-message.js';
import type { ShareProgress } from './share-progress.js';
import { getJson } from './stats.js';

/** Panels mounted on the page so far: each takes the next number for its ids. */
let panels = 0;

/** What `referkit:share` and `referkit:copy` carry. */
export interface ShareDetail {
  code: string;
  channel: Channel;
  link: string;
}

/** Props of `SharePanel`. */
export interface SharePanelProps {
  client: ReferkitClient;
  /** A normalised referral code. */
  code: string;
  /** The ambassador's name, for `{name}` in the message. */
  name?: string;
  /** The ambassador's role, shown until the stats (which carry it too) arrive. */
  role?: Role;
  /** Checked by the element: a panel always has an offer to describe. */
  terms: ProgramTerms & OfferTerms;
  /** The brand's API base; without it no progress is shown. */
  endpoint?: string;
  text: Catalogue;
  locale: string;
  /** Receives each share and copy, e.g. to fire DOM events from the host element. */
  emit?: (type: 'referkit:share' | 'referkit:copy', detail: ShareDetail) => void;
}

// State keys are `_`-prefixed so the build mangles them to one letter (state never leaves the component).
interface State {
  /** The ambassador's own words, once they edit the message; until then it follows the terms and locale. */
  _message?: string;
  _status: string;
  /** The status is said under the share buttons' row (a share's, the QR code's), not under the link's (a copy's). */
  _below?: boolean;
  /** The QR code is shown (`true`), or its chunk is loading (`false`). */
  _qr?: boolean;
  /** The stats; `null` once they could not be read, or the progress could not show them: the room kept goes. */
  _stats?: AmbassadorPublicStats | null;
  /** The progress block, loaded once stats arrive. */
  _progress?: typeof ShareProgress;
}

/**
 * The code and channel of each share reported in this page view (`${code} ${channel}`), per client:
 * the panels of a page share the setup's, and a second init's client for another endpoint reports
 * to a backend that has seen none of them.
 */
const tracked = new WeakMap<ReferkitClient, Set<string>>();

/** The share panel; renders nothing when no link can be built for the code. */
export class SharePanel extends Component<SharePanelProps, State> {
  _input = createRef<HTMLInputElement>();
  _section = createRef<HTMLElement>();
  // Fields that start unset are `declare`d: they exist once assigned, and no build spends bytes defining
  // each as undefined at every mount.
  /**
   * This panel's number on the page, for its ids (`rk1t`, `rk1l`, …): each element's panel is alone in its
   * shadow root, but the Preact component used directly may be twice on a page (a header's and a footer's),
   * where ids must differ. None until mounted (`rkt`, …): the first render may be a server's, the same on every
   * request (a count kept by the server's process gave each request other ids), or the hydration of its HTML,
   * which must render what the server did.
   */
  declare _n?: number;
  /** The QR chunk's encoder, once loaded. */
  declare _encode?: (link: string) => QrPath;
  /** The QR code drawn last, and the link it encodes: drawn again only when the link changes (a second init's base). */
  declare _drawn?: [string, QrPath];

  state: State = { _status: '' };

  componentDidMount() {
    this._loadStats();
    addEventListener('visibilitychange', this._back);
    // Rendered again, in the browser now: with ids of its own, and the share sheet a server cannot know of.
    this._n = ++panels;
    this.forceUpdate();
  }

  /**
   * An account page left open (another tab, a weekend's locked screen) showed the week it was opened in,
   * its target reached, on Monday: the stats are read again each time the ambassador comes back to it.
   */
  _back = () => document.hidden || this._loadStats();

  /** The stats asked for last: an answer to an earlier endpoint or code, arriving after it, is not shown. */
  declare _asked?: string;

  /**
   * Unmounted: a copy or share that answers after the panel left the page (a dialog closed by the click
   * that copied) still reports the share, but starts no status timer and asks for no stats.
   */
  declare _gone?: boolean;

  /**
   * Loads the ambassador's stats, and the progress block with them; again after each share, so the target moves.
   * Stats that cannot be read give back the room kept for them, unless a read before showed some: those stay.
   * A progress chunk that cannot load keeps it, the role in it: nothing moves.
   */
  _loadStats() {
    if (this._gone) return;
    const { endpoint, code } = this.props;
    const url = endpoint && apiUrl(endpoint, `/ambassadors/${encodeURIComponent(code)}/stats`);
    this._asked = url;
    const noStats = () => url === this._asked && !this.state._stats && this.setState({ _stats: null });
    if (url) {
      getJson<AmbassadorPublicStats>(url, code).then((stats) =>
        stats
          ? loadProgress().then(
              ({ ShareProgress }) => url === this._asked && this.setState({ _stats: stats, _progress: ShareProgress }),
              () => misconfigured('show the progress', ...partNotLoaded('referkit-progress.js')),
            )
          : noStats(),
      );
    }
  }

  /** Stats the progress cannot show (a field missing, an amount that is not one) leave it out, with one line. */
  componentDidCatch(error: Error) {
    this.setState({ _stats: null });
    misconfigured('show the progress', error.message, 'Answer the stats as AmbassadorPublicStats.');
  }

  _link(channel?: Channel): string | undefined {
    const { client, code, terms } = this.props;
    const result = client.shareLink({ base: terms.base, code, channel });
    if (result.ok) return result.value;
    misconfigured('build the share link', result.error.message, 'Set base to an http or https URL.');
  }

  _shared(channel: Channel, link: string, type: 'referkit:share' | 'referkit:copy' = 'referkit:share') {
    const { client, code, emit } = this.props;
    // Counted once per code, channel and page view, so a contribution target measures sharing, not clicks
    // (nor panels: a header's and a footer's, or one a single-page app mounts again); the host page still
    // hears every one.
    const key = `${code} ${channel}`;
    const reported = tracked.get(client) ?? new Set();
    if (!reported.has(key)) client.trackShare(code, channel).then((sent) => sent.ok && this._loadStats());
    tracked.set(client, reported.add(key));
    emit?.(type, { code, channel, link });
  }

  /**
   * Says `status` under the row of what was tapped, the link's or (`below`) the share buttons', where a
   * phone's user is looking; in that row's live region alone, so it is heard once; after a moment of
   * silence: the same words twice in a row are no change to a screen reader, and a second "Copied" went
   * unsaid. On a phone that row may sit at the screen's edge, or under the friend's offer banner there:
   * the status is then scrolled to the screen's middle (below). It stays until the next tap in the panel, with no time limit (WCAG 2.2.1): some say
   * what to do next (paste the message in the post, in another app; copy by keyboard), and one cleared
   * after 3 s was gone before a slow reader, or the ambassador back from the share's app, had read it.
   */
  _say(status: string, below?: boolean) {
    if (this._gone) return;
    clearTimeout(this._clear);
    this.setState({ _status: '' });
    this._clear = setTimeout(
      () =>
        this.setState({ _status: status, _below: below }, () => {
          const line = status ? this._section.current?.querySelectorAll('[role=status]')[below ? 1 : 0] : null;
          if (!line) return;
          // Off the screen, or under something fixed at its edge (the friend's offer banner first), it goes
          // to the screen's middle, which the banner (half the screen at most) leaves clear. Only the
          // lowest line of its box is looked at. DOM emulators (jsdom) have neither hit testing nor scrolling.
          const { left, bottom } = line.getBoundingClientRect();
          if ((line.getRootNode() as Document).elementFromPoint?.(left + 1, bottom - 1) !== line)
            line.scrollIntoView?.({ block: 'center' });
        }),
      99,
    );
  }

  declare _clear?: ReturnType<typeof setTimeout>;

  componentWillUnmount() {
    clearTimeout(this._clear);
    // Unmounted after the window's globals are gone (a DOM emulator's teardown), there is no listener left.
    globalThis.removeEventListener?.('visibilitychange', this._back);
    this._gone = true;
    // Nor are stats shown that were on their way: an answer is shown only if its stats were asked for last.
    this._asked = undefined;
  }

  _copy = async () => {
    const link = this._link() as string;
    const copied = await copyText(link);
    const { text } = this.props;
    this._say(copied ? text.copied : text.copyFailed);
    if (copied) this._shared('copy', link, 'referkit:copy');
    // The fallback for a refused copy: the link is selected, ready for the keyboard shortcut.
    else this._input.current?.select();
  };

  _native = async (message: string) => {
    const link = this._link('native') as string;
    try {
      await navigator.share({ text: message, url: link });
      this._shared('native', link);
    } catch (error) {
      // Dismissing the share sheet rejects with AbortError: nothing was shared, nothing to say. So does a
      // second tap while the first one's sheet is open, with InvalidStateError: that sheet answers for the
      // share. Any other refusal (a frame without the web-share permission, data the device cannot share)
      // would leave the button dead: the message and the link go to the clipboard instead, a copy as the
      // Copy button's is (its link, its `referkit:copy`, a share on the copy channel), and the status says so.
      if (!/Abort|InvalidState/.test((error as Error)?.name)) {
        const { text } = this.props;
        const copy = this._link() as string;
        const copied = await copyText(`${message} ${copy}`);
        // "Copied: Your message · Your link", the two fields' own labels: every catalogue says it already.
        this._say(copied ? `${text.copied}: ${text.message}${text.sep}${text.link}` : text.messageNotCopied, true);
        if (copied) this._shared('copy', copy, 'referkit:copy');
      }
    }
  };

  /**
   * The QR code's button is a disclosure (WAI-ARIA APG: Enter and Space toggle it, nothing else): the code
   * is laid in the panel's flow and covers nothing, so it is no popup for Escape to close. While its chunk
   * loads (seconds on a slow phone link) the button is busy, and a second tap waits for the same load.
   */
  _toggleQr = async () => {
    const { _qr: qr } = this.state;
    if (qr !== undefined) return qr && this.setState({ _qr: undefined });
    this.setState({ _qr: false });
    try {
      this._encode = (await loadQr()).qrPath;
    } catch {
      return this._qrFailed(...partNotLoaded('referkit-qr.js'));
    }
    // A panel taken off the page while the chunk loaded shows no QR code: no share to report.
    if (!this._gone && this._draw()) {
      this.setState({ _qr: true });
      this._shared('qr', this._link('qr') as string);
    }
  };

  /**
   * Draws the QR code of the link as it is now, unless it is drawn already; `false`, said, when the
   * link is too long for a QR code (a base with a long query).
   */
  _draw(): boolean {
    const link = this._link('qr') as string;
    if (this._drawn?.[0] === link) return true;
    try {
      this._drawn = [link, (this._encode as (link: string) => QrPath)(link)];
      return true;
    } catch {
      this._qrFailed('the link is too long for a QR code', 'Shorten the base.');
      return false;
    }
  }

  /**
   * The ambassador hears, under the QR button, that the QR code failed, and may tap it again; the page's
   * developer reads why, and how to fix it.
   */
  _qrFailed(why: string, fix: string) {
    this.setState({ _qr: undefined });
    this._say(this.props.text.qrFailed, true);
    misconfigured('show the QR code', why, fix);
  }

  componentDidUpdate({ endpoint, code }: SharePanelProps) {
    // A second init with another endpoint (another program) or another code: the stats shown were
    // another backend's or ambassador's, so they go at once, and this one's are asked for.
    if (endpoint !== this.props.endpoint || code !== this.props.code) {
      this.setState({ _stats: undefined });
      this._loadStats();
    }
    // A second init may change the link under a shown QR code: it is drawn again, or closed (quietly
    // when there is no link any more: the panel then shows nothing, and its terms' line says why).
    if (this.state._qr && this._drawn?.[0] !== this._link('qr')) {
      if (this._link() && this._draw()) this.forceUpdate();
      else this.setState({ _qr: undefined });
    }
  }

  render(
    { terms, text, locale, role, name, endpoint }: SharePanelProps,
    { _message: edited, _status: status, _below: below, _qr: qr, _stats: stats, _progress: Progress }: State,
  ) {
    const link = this._link();
    if (!link) return null;
    const drawing = qr && this._drawn?.[1];
    const roleLine = role && <p>{text[role]}</p>;
    const id = `rk${this._n ?? ''}`;
    const { ambassadorReward: reward, disclosure: line } = terms;
    // The offer as the banner words it ("15% off your first order"): a message that left the limit out
    // would promise the discount to friends checkout refuses. `{reward}` is this panel's reward, which a
    // role may override: a program's one disclosure, "I get {reward} if you order with my link", then
    // tells each role's friends what that role earns, not what the program's other roles do.
    const values = {
      brand: terms.brand ?? '',
      offer: friendOfferText(text, locale, terms, true),
      name: name ?? '',
      reward: reward ? rewardText(text, locale, terms.currency, reward) : '',
    };
    // A blank text discloses nothing: it is no disclosure (a required one would be "kept" as nothing).
    const disclosure = line?.text.trim() ? { ...line, text: fill(line.text, values) } : undefined;
    // A reward is a material connection the friend must be told of (the FTC's Endorsement Guides): terms that
    // reward the ambassador but give no disclosure share messages without one, which the brand should know.
    if (reward && !disclosure)
      misconfigured(
        'disclose the reward in shared messages',
        'the terms have no disclosure',
        'Set disclosure: { text }.',
      );
    const message = edited ?? prefillMessage(text, values, terms.shareMessage, disclosure);
    const composed = composeMessage(message, disclosure);
    // Each channel once: a channel named twice is one button (and one Preact key).
    const channels = [...new Set(terms.channels ?? CHANNELS)];
    return (
      <section
        ref={this._section}
        dir={text.dir}
        lang={locale}
        aria-labelledby={`${id}t`}
        // A tap anywhere in the panel is the ambassador moving on: what was said goes, before the tapped control
        // answers (its answer may come in a microtask, which a native event runs between its listeners). The
        // clicks of its buttons and links, which Enter and Space fire too.
        onClickCapture={() => this._say('')}
      >
        <h2 id={`${id}t`}>{terms.brand ? fillIsolated(text.invite, { brand: terms.brand }) : text.link}</h2>
        <p>{offerHeadline(text, locale, terms)}</p>
        <label for={`${id}l`}>{text.link}</label>
        <div>
          <input ref={this._input} id={`${id}l`} readOnly value={link} dir="ltr" />
          <button type="button" class="p" onClick={this._copy}>
            {text.copy}
          </button>
        </div>
        <p class="n" role="status">
          {!below && status}
        </p>
        <label for={`${id}m`}>{text.message}</label>
        <textarea
          id={`${id}m`}
          // Each paragraph takes the direction of its first letter (a textarea's `dir="auto"` is
          // `unicode-bidi: plaintext`): an English disclosure line under an Arabic message keeps its period last.
          dir="auto"
          rows={4}
          value={message}
          // A screen reader reads the note with the field: the line it deleted is shared all the same.
          aria-describedby={`${id}k`}
          onInput={(event) => this.setState({ _message: event.currentTarget.value })}
        />
        {/* The note is also said as it appears (WCAG 4.1.3): a live region is heard only once it is
            there before its text, so it is always rendered, empty until the disclosure is deleted. */}
        <p id={`${id}k`} class="n" aria-live="polite">
          {composed.restored && fillIsolated(text.kept, { text: disclosure?.text })}
        </p>
        <ul>
          {/* Where the device says it cannot share this text and link, no button that cannot work. Not
              before it is mounted: a server has no navigator (Node 20) and cannot know the device's. */}
          {this._n &&
            'share' in navigator &&
            navigator.canShare?.({ text: composed.text, url: this._link('native') }) !== false && (
              <li>
                <button type="button" onClick={() => this._native(composed.text)}>
                  {text.more}
                </button>
              </li>
            )}
          {channels.map((channel: IntentChannel) => {
            const channelLink = this._link(channel) as string;
            const said = channel === 'x' ? fitForX(composed.text, disclosure) : composed.text;
            const url = shareIntents(channelLink, said, { subject: terms.brand })[channel];
            // A share URL the message leaves unchanged cannot carry it (Facebook's and LinkedIn's take only the
            // link): the message, disclosure included, goes on the clipboard for the ambassador to paste.
            const paste = composed.text && url === shareIntents(channelLink)[channel];
            const name = channelName(channel);
            const label = name ?? text[channel as 'email' | 'sms'];
            const open = () => {
              // Copied in the click, before the share's window takes the focus the Clipboard API writes
              // for; not awaited, and the link not stopped: the share opens in this same click (a popup
              // blocker lets through only what a click opens at once), with the message copied or not.
              if (paste)
                copyText(composed.text).then((copied) =>
                  this._say(copied ? text.messageCopied : text.messageNotCopied, true),
                );
              this._shared(channel, channelLink);
            };
            return (
              <li key={channel}>
                <a
                  href={url}
                  target={name && '_blank'}
                  rel="noopener noreferrer"
                  aria-label={fill(text.on, { channel: label })}
                  onClick={open}
                  // A middle click opens the share in a new tab too, with no click event.
                  onAuxClick={(event) => event.button === 1 && open()}
                >
                  {/* The catalogue writes the name as its sentence says it ("Compartir por correo"); alone it is a label. */}
                  {label[0]!.toUpperCase() + label.slice(1)}
                </a>
              </li>
            );
          })}
          <li>
            <button type="button" aria-expanded={!!qr} aria-busy={qr === false} onClick={this._toggleQr}>
              {qr ? text.qrHide : text.qrShow}
            </button>
          </li>
        </ul>
        <p class="n" role="status">
          {below && status}
        </p>
        {drawing && (
          <div class="q" style={{ '--q': drawing.size }}>
            <svg viewBox={`0 0 ${drawing.size} ${drawing.size}`} role="img" aria-label={text.qrLabel}>
              <path d={drawing.d} fill="currentColor" />
            </svg>
          </div>
        )}
        {/* A QR code is shown in person and carries only the link: the friend reads the disclosure beside it,
            in its own direction (an English line in an Arabic panel keeps its period last). */}
        {drawing && disclosure && <p dir="auto">{disclosure.text}</p>}
        {/* While the stats are on their way, the role in the progress's room: coming ~100 ms after the panel's
            first paint, the progress pushed what the page has under the panel down (~160 px, a layout shift of
            0.13–0.36 on an account page, qa144). The room is the progress's usual height (styles.ts). */}
        {stats && Progress ? (
          <Progress stats={stats} text={text} locale={locale} id={id} />
        ) : stats === undefined && endpoint ? (
          <section>{roleLine}</section>
        ) : (
          roleLine
        )}
      </section>
    );
  }
}
