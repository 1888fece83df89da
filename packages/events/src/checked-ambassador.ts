/**
 * What `resolveCode` answered, checked before the rules read it. A lookup is the brand's code: a
 * database row of another shape, or a field renamed, would otherwise be read as an ambassador with
 * no customer id (self-referral passes unseen) or no campaign, and recorded on the wrong terms.
 */
import { z } from 'zod';
import { type Ambassador, ambassadorSchema } from './ambassador.js';
import { timestamp } from './primitives.js';

/** A time as a lookup may hold it: an ISO string, or the `Date` a driver reads a timestamp column as. */
const time = z.union([timestamp, z.date().transform((date) => date.toISOString())]);

/**
 * The ambassador contract, read leniently where a lookup's answer differs harmlessly: fields the
 * rules never read (an email, a row's own columns) are dropped rather than refused, and times may be
 * `Date`s. What the rules read must be there and of its type.
 */
const lookedUp = z.object({
  ...ambassadorSchema.shape,
  joinedAt: time,
  campaign: z.object({ startsAt: time, endsAt: time }).optional(),
});

/**
 * Answers checked already, by identity. Only frozen ones: an object the brand may still change (its
 * customer id set later, its role promoted) is checked on every event, so the rules read it as it is.
 */
const checked = new WeakMap<object, Ambassador>();

/**
 * The ambassador `found` for `code`, parsed (an `AmbassadorInput` gets its defaults), or `null` for none
 * (any falsy answer).
 * @throws TypeError naming each problem, when `found` is not an ambassador, or is the ambassador of
 * another code (a lookup that matched loosely, or read the wrong row, would credit the wrong person):
 * the receiver answers `503 store_unavailable` and tells `onError`, so that the sender retries once
 * the lookup is fixed.
 */
export function checkedAmbassador(found: unknown, code: string): Ambassador | null {
  if (!found) return null;
  const ambassador = parsedAmbassador(found);
  if (ambassador.code !== code)
    throw new TypeError(
      `[referkit] resolveCode answered the ambassador of ${ambassador.code} for the code ${code}. Answer the ambassador whose code it is, or null.`,
    );
  return ambassador;
}

/** `found` read as an ambassador, once per frozen answer. */
function parsedAmbassador(found: unknown): Ambassador {
  const known = typeof found === 'object' && found ? checked.get(found) : undefined;
  if (known) return known;
  const parsed = lookedUp.safeParse(found);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the answer)'}: ${issue.message}`);
    throw new TypeError(
      `[referkit] resolveCode answered something that is not an ambassador (${problems.join('; ')}). Answer an Ambassador, or null for an unknown code.`,
    );
  }
  const { campaign } = found as { campaign?: unknown };
  if (Object.isFrozen(found) && (campaign === undefined || Object.isFrozen(campaign)))
    checked.set(found as object, parsed.data);
  return parsed.data;
}
