/**
 * What `resolveCode` answered, checked before the rules read it. A lookup is the brand's code: a
 * database row of another shape, or a field renamed, would otherwise be read as an ambassador with
 * no customer id (self-referral passes unseen) or no campaign, and recorded on the wrong terms.
 */
import { type Ambassador, ambassadorSchema } from './ambassador.js';

/** Checked answers by identity: a lookup from a map hands back the same objects, checked once each. */
const checked = new WeakMap<object, Ambassador>();

/**
 * The ambassador `found`, parsed (an `AmbassadorInput` gets its defaults), or `null` for none (any falsy answer).
 * @throws TypeError naming each problem, when `found` is not an ambassador: the receiver answers
 * `503 store_unavailable` and tells `onError`, so that the sender retries once the lookup is fixed.
 */
export function checkedAmbassador(found: unknown): Ambassador | null {
  if (!found) return null;
  const known = typeof found === 'object' ? checked.get(found) : undefined;
  if (known) return known;
  const parsed = ambassadorSchema.safeParse(found);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the answer)'}: ${issue.message}`);
    throw new TypeError(
      `[referkit] resolveCode answered something that is not an ambassador (${problems.join('; ')}). Answer an Ambassador, or null for an unknown code.`,
    );
  }
  checked.set(found as object, parsed.data);
  return parsed.data;
}
