/** `parseEvent`: the one door through which untrusted event data enters. It never throws. */
import type { z } from 'zod';
import { EARLIEST_EVENT_TIME } from './code.js';
import { eventSchema, type ReferralEvent } from './event.js';
import { isReferralEvent } from './event-guard.js';
import { parseTime } from './time.js';

/** One problem found in an input, with where it is. */
export interface Issue {
  /** Keys from the root to the problem, e.g. `['order', 'discount']`; `[]` for the whole input. */
  path: (string | number)[];
  /** A stable code such as `invalid_type`, `too_big`, `unrecognized_keys`, `future_timestamp`. */
  code: string;
  /** A plain sentence saying what was expected. */
  message: string;
}

/** Why an input is not an event. */
export interface InvalidEvent {
  code: 'invalid_event';
  message: string;
  issues: Issue[];
}

/** The outcome of a parse: the typed value, or every problem found. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: InvalidEvent };

/** How far ahead of the receiver's clock a sender's may run, in seconds, unless told otherwise. */
export const CLOCK_SKEW_SEC = 300;

/** Options for {@link parseEvent}. */
export interface ParseEventOptions {
  /**
   * The current time. When given, an `occurredAt` or `landedAt` more than `clockSkewSec` in the
   * future is refused (no honest sender reports an event that has not happened yet), and so is one
   * before the year 2000.
   */
  now?: Date | undefined;
  /** @default 300 */
  clockSkewSec?: number | undefined;
}

/**
 * Validates anything against the event contract. A valid plain object is returned as it is
 * (not copied); anything else is checked by `eventSchema`, which names every problem.
 * @example
 * const result = parseEvent(JSON.parse(body));
 * if (!result.ok) return Response.json(result.error, { status: 400 });
 */
export function parseEvent(input: unknown, options: ParseEventOptions = {}): ParseResult<ReferralEvent> {
  let event: ReferralEvent;
  try {
    // The guard accepts the common case in a fraction of zod's time; zod explains the rest.
    if (isReferralEvent(input)) {
      event = input;
    } else {
      const parsed = eventSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues.flatMap(toIssues));
      event = parsed.data;
    }
  } catch {
    // Getters that throw and proxies that lie surface here; zod itself does not throw on data.
    return invalid([
      { path: [], code: 'unreadable', message: 'Expected plain JSON data; the input could not be read' },
    ]);
  }
  if (options.now) {
    const latest = options.now.getTime() + (options.clockSkewSec ?? CLOCK_SKEW_SEC) * 1000;
    const issue =
      timeIssue(OCCURRED_AT, event.occurredAt, latest) ??
      (event.type === 'redemption' && event.attribution
        ? timeIssue(LANDED_AT, event.attribution.landedAt, latest)
        : null);
    if (issue) return invalid([issue]);
  }
  return { ok: true, value: event };
}

const OCCURRED_AT = ['occurredAt'];
const LANDED_AT = ['attribution', 'landedAt'];

/** Why a time cannot be true (the future, or before 2000), or `null`; no allocation when it can. */
function timeIssue(path: readonly string[], time: string, latest: number): Issue | null {
  const at = parseTime(time);
  if (at > latest)
    return { path: [...path], code: 'future_timestamp', message: 'Expected a time that is not in the future' };
  // Year 0000 is a valid ISO date that no SQL ledger stores; no referral happened before 2000.
  if (at < EARLIEST_EVENT_TIME)
    return { path: [...path], code: 'past_timestamp', message: 'Expected a time from the year 2000 on' };
  return null;
}

/** How many unknown keys of one object are named, each at its path, before the rest are counted. */
const NAMED_KEYS = 10;

/** A zod issue as the package's issues: each unknown key at its own path. */
export function toIssues(issue: z.core.$ZodIssue): Issue[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  // zod names unknown keys at their object; each is a problem of its own, at its own path, so that a
  // sender sees `['order', '__proto__']` without reading the message. The first few only: a body of
  // thousands of keys must not get an answer many times its size.
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.slice(0, NAMED_KEYS).map((key) => ({
      path: [...path, key],
      code: issue.code,
      message: `Expected no key ${JSON.stringify(key)} here`,
    }));
    const more = issue.keys.length - named.length;
    return more > 0
      ? [...named, { path, code: issue.code, message: `Expected no other keys here; ${more} more were found` }]
      : named;
  }
  return [{ path, code: issue.code, message: issue.message }];
}

function invalid(issues: Issue[]): ParseResult<never> {
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    ok: false,
    error: { code: 'invalid_event', message: `Not a valid event${where}: ${first?.message}${more}`, issues },
  };
}
