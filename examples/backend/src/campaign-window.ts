/**
 * The demo's influencer campaign runs around every start, however long `.data/` is kept: dates fixed
 * at the first start would end it 60 days later, and from then on every order with the influencer's
 * code would be refused (`campaign_inactive`). So each start stretches the window, if need be, to
 * reach from a week before that start to 60 days after it. It only ever grows: an order taken inside
 * it stays inside it, and a redemption a stopped run left pending is judged as it was placed.
 */

const DAY_MS = 86_400_000;

/** Days of campaign before and after a start: a week of history behind, two months ahead. */
const DAYS_BEFORE = 7;
const DAYS_AFTER = 60;

/** An influencer campaign's dates (ISO times). */
export interface CampaignWindow {
  startsAt: string;
  endsAt: string;
}

/** The window around a start: from a week before it to 60 days after it. */
export function campaignAround(now: Date): CampaignWindow {
  return {
    startsAt: new Date(now.getTime() - DAYS_BEFORE * DAY_MS).toISOString(),
    endsAt: new Date(now.getTime() + DAYS_AFTER * DAY_MS).toISOString(),
  };
}

/**
 * A window stretched to hold the window around `now`, other fields kept. A missing date stays missing:
 * to `@referkit/events` it is an open end, which already holds every start.
 */
export function stretchCampaign<Window extends Partial<CampaignWindow>>(window: Window, now: Date): Window {
  const around = campaignAround(now);
  const { startsAt, endsAt } = window;
  return {
    ...window,
    ...(startsAt !== undefined && Date.parse(startsAt) > Date.parse(around.startsAt)
      ? { startsAt: around.startsAt }
      : {}),
    ...(endsAt !== undefined && Date.parse(endsAt) < Date.parse(around.endsAt) ? { endsAt: around.endsAt } : {}),
  };
}
