/**
 * The ambassador's progress: friends joined, rewards, role, and the contribution target as a progress bar.
 * Loaded lazily (`lazy.ts`), so that pages whose backend has no stats never pay for it.
 */

import type { AmbassadorPublicStats } from '@referkit/events';
import { type Catalogue, fill, plural } from './i18n/catalogue.js';
import { checked, money } from './offer-text.js';

/** Props of `SharePanelProgress`. */
export interface ShareProgressProps {
  stats: AmbassadorPublicStats;
  text: Catalogue;
  locale: string;
  /** The panel's id prefix, so that two panels on a page have ids of their own. */
  id: string;
}

/** Renders the stats block of the share panel. */
export function ShareProgress({ stats, text, locale, id }: ShareProgressProps) {
  const { target } = stats;
  // One entry a unit. A backend built before units were kept apart answers one unit's object: shown as it was.
  const rewards: AmbassadorPublicStats['rewards'] = [stats.rewards].flat();
  // Counts a backend got wrong ("-1 friends joined") leave the block out with one line, as bad amounts do.
  if (target) {
    checked(target.done);
    checked(target.shares);
  }
  // Beside another unit, money says which it is: "$10 credit" and "$12 cash", never one "$22".
  const amount = ({ type, currency }: (typeof rewards)[0], value: number) =>
    type === 'points'
      ? plural(locale, text.points, checked(value))
      : rewards[1]
        ? fill(text[type], { value: money(locale, currency, value) })
        : money(locale, currency, value);
  // Both counts in the locale's digits: "٢ من ٣" in ar-EG, not "2 من ٣".
  const goal =
    target && plural(locale, text[target.per], target.shares, { done: Intl.NumberFormat(locale).format(target.done) });
  return (
    <section aria-labelledby={`${id}p`}>
      <h3 id={`${id}p`}>{text.progress}</h3>
      <p>
        {text[stats.role]}
        {stats.promoted && text.sep + text.promoted}
      </p>
      <p>{plural(locale, text.joined, checked(stats.friendsJoined))}</p>
      {rewards.map((unit) => (
        <p>
          {fill(text.earned, { amount: amount(unit, unit.earned) }) +
            text.sep +
            fill(text.pending, { amount: amount(unit, unit.pending) })}
        </p>
      ))}
      {/* A live region: a share of the ambassador's own moves the count, even to "Target reached", and a
          screen reader says so as it says "Copied" (WCAG 4.1.3). Not a second `status` role beside the
          panel's: a page or test asking for the panel's status finds the one that says "Copied". */}
      {target && (
        <p id={`${id}g`} aria-live="polite" aria-atomic="true">
          {goal}
          {target.reached && text.sep + text.reached}
        </p>
      )}
      {target && (
        <div
          role="progressbar"
          aria-labelledby={`${id}g`}
          aria-valuemin={0}
          aria-valuemax={target.shares}
          aria-valuenow={Math.min(target.done, target.shares)}
        >
          {/* A target of no shares is met already: a full bar, not 0 / 0. */}
          <i style={{ '--p': target.shares > 0 ? Math.min(target.done / target.shares, 1) : 1 }} />
        </div>
      )}
    </section>
  );
}
