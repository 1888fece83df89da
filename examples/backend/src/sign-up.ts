/**
 * A sign-up as the shop's form and JSON API take it: checked, counted against its client's throttle,
 * recorded (one ambassador per email), then given to the ledger. One refused for what it gives costs
 * nothing and is not counted. One that reaches the database is, an email already taken included: the
 * answer tells whether an email is an ambassador's, which a script must not learn as fast as it asks.
 */
import type { Ambassador, Program } from '@referkit/events';
import { readSignUp, recordAmbassador, type SignUp, type SignUpError } from './ambassadors.js';
import { clientNetwork } from './client-network.js';
import type { SqlClient } from './database.js';
import type { DemoStore } from './demo-store.js';
import { type BucketLimit, tokenBuckets } from './token-buckets.js';

/**
 * Sign-ups a client may make at once, then one a minute: a person signs up once, a household or an
 * office behind one address a few times; a script that made 500 in 3 s makes 10, then 60 an hour.
 */
export const SIGN_UP_LIMIT: BucketLimit = { burst: 10, everyMs: 60_000 };

/** The outcome of a sign-up, with the status it is answered with. */
export type SignUpAnswer =
  | { ok: true; value: Ambassador }
  | { ok: false; status: 400 | 409; error: SignUpError }
  | { ok: false; status: 429; error: { code: 'too_many_requests'; message: string }; retryAfterSeconds: number };

/** What sign-ups are recorded into, and how many a client may make. */
export interface SignUpOptions {
  client: SqlClient;
  store: DemoStore;
  program: Program;
  now: () => Date;
  /** @default SIGN_UP_LIMIT */
  limit?: BucketLimit;
}

/** Makes the shop's sign-up: `(input, remote address) → answer`, one throttle for the form and the API. */
export function signUpFlow({ client, store, program, now, limit = SIGN_UP_LIMIT }: SignUpOptions) {
  const buckets = tokenBuckets(limit);
  return async (input: SignUp, remoteAddress: string | undefined): Promise<SignUpAnswer> => {
    const read = await readSignUp(input, now());
    if (!read.ok) return { ok: false, status: 400, error: read.error };
    const taken = buckets.take(clientNetwork(remoteAddress), now().getTime());
    if (!taken.ok) {
      const seconds = taken.retryAfterSeconds;
      return {
        ok: false,
        status: 429,
        error: {
          code: 'too_many_requests',
          message: `Too many sign-ups from your network just now: please try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
        },
        retryAfterSeconds: seconds,
      };
    }
    const recorded = await recordAmbassador(client, program.id, read.value);
    if (!recorded.ok) return { ok: false, status: 409, error: recorded.error };
    await store.upsertAmbassador(program, recorded.value);
    return recorded;
  };
}
