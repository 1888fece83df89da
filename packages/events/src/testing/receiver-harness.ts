/** A receiver over a fresh memory store with Alex registered, and helpers that sign deliveries. */
import type { Ambassador } from '../ambassador.js';
import type { ReferralEvent } from '../event.js';
import type { ProgramInput } from '../program.js';
import { createReceiver, type ReceiverOptions } from '../receiver.js';
import { signEvent } from '../signature.js';
import { memoryStore } from '../stores/memory-store.js';
import type { ReferralStore } from '../stores/store.js';
import { anAmbassador, aProgram } from './fixtures.js';

/** The secret of the test receivers. */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
/** The fixed time of the test receivers, twelve seconds after the fixtures' redemption. */
export const NOW = new Date('2026-11-22T10:00:12.000Z');

/** Options of {@link aReceiver}. */
export interface HarnessOptions extends Partial<ReceiverOptions> {
  program?: Partial<ProgramInput>;
  ambassadors?: Ambassador[];
}

/** Builds a signed receiver with Alex registered; pass `secret: undefined` explicitly for an unsigned one. */
export async function aReceiver(options: HarnessOptions = {}) {
  const store: ReferralStore = options.store ?? memoryStore();
  const program = aProgram(options.program);
  for (const ambassador of options.ambassadors ?? [anAmbassador()]) await store.upsertAmbassador(program, ambassador);
  const receiverOptions: ReceiverOptions = {
    programs: [program],
    resolveCode: (code, program) => store.ambassadorByCode(code, program),
    store,
    secret: SECRET,
    now: () => NOW,
    ...options,
  };
  // `secret: undefined` asks the harness for an unsigned receiver, which has no `secret` key at all.
  if (receiverOptions.secret === undefined) delete receiverOptions.secret;
  const receive = createReceiver(receiverOptions);
  return { receive, store, program };
}

/** The stable `error.code` of an answer, or `undefined` when it is not a refusal. */
export function errorCode(answer: { body: unknown }): string | undefined {
  return (answer.body as { error?: { code: string } }).error?.code;
}

/** A signed delivery of an event, as `.handle` takes it. */
export async function signed(
  event: ReferralEvent | string,
  { secret = SECRET, at = NOW, id }: { secret?: string; at?: Date; id?: string } = {},
) {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const webhookId = id ?? (typeof event === 'string' ? 'msg_raw' : event.id);
  const headers = await signEvent({ secret, id: webhookId, timestamp: at, body });
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}

/** An unsigned delivery, as a browser would post it. */
export function unsigned(event: ReferralEvent | string) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  };
}
