/**
 * The real receiver behind msw, for the SDK's network tests: a memory store with Alex registered,
 * every request counted, and a `chaos` hook that can drop, delay or answer in the network's place.
 */
import {
  ambassadorSchema,
  createReceiver,
  memoryStore,
  parseEvent,
  programSchema,
  type RedemptionEvent,
} from '@referkit/events';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/** The test endpoint (absolute: Node's fetch needs it). */
export const ENDPOINT = 'https://shop.example/api';
/** The events URL under {@link ENDPOINT}. */
export const EVENTS_URL = `${ENDPOINT}/referrals/events`;
/** Alex's code. */
export const CODE = 'ALEX-7HC2QK';

/** What the network does with one request: pass it on, or answer/drop it before or after the receiver. */
export type Chaos = (request: number) => 'pass' | 'drop' | 'drop-after' | 'hang' | 'hang-after' | Response;

/** A receiver over a memory store behind msw; `requests` holds every body that reached the network. */
export async function networkWithReceiver(options: { secret?: string; now?: () => Date } = {}) {
  const store = memoryStore();
  const program = programSchema.parse({
    id: 'spring-2026',
    brand: 'Acme',
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  });
  await store.upsertAmbassador(
    program,
    ambassadorSchema.parse({
      id: 'amb_1',
      code: CODE,
      displayName: 'Alex',
      joinedAt: '2026-01-01T00:00:00.000Z',
    }),
  );
  const receive = createReceiver({
    programs: [program],
    resolveCode: (code, program) => store.ambassadorByCode(code, program),
    store,
    // A browser's events are claims; the brand's order system would confirm them here.
    confirmOrder: () => true,
    ...(options.secret ? { secret: options.secret } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const requests: { body: string; headers: Headers; keepalive: boolean }[] = [];
  const recorded = new Map<string, number>();
  let chaos: Chaos = () => 'pass';
  const never = () => new Promise<never>(() => {});
  const server = setupServer(
    http.post(EVENTS_URL, async ({ request }) => {
      const body = await request.clone().text();
      requests.push({ body, headers: request.headers, keepalive: request.keepalive });
      const fate = chaos(requests.length);
      if (fate instanceof Response) return fate;
      if (fate === 'drop') return HttpResponse.error();
      if (fate === 'hang') return never();
      const response = await receive(request);
      if (response.status === 201) {
        const parsed = parseEvent(JSON.parse(body));
        const key = parsed.ok && parsed.value.type === 'redemption' ? (parsed.value as RedemptionEvent).orderId : body;
        recorded.set(key, (recorded.get(key) ?? 0) + 1);
      }
      if (fate === 'drop-after') return HttpResponse.error();
      if (fate === 'hang-after') return never();
      return response;
    }),
  );
  server.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    store,
    requests,
    /** How many times each order (or other event) was recorded: every value must be 1. */
    recorded,
    setChaos(next: Chaos) {
      chaos = next;
    },
    /** The redemptions in the ledger, from the store's own stats. */
    async ledgerRedemptions() {
      const stats = await store.stats({ program: 'spring-2026' });
      return stats.ambassadors.reduce((sum, ambassador) => sum + ambassador.redemptions, 0);
    },
    /** Alex's reward, store credit, as the store's stats count it. */
    async alexCredit() {
      const stats = await store.stats({ program: 'spring-2026' });
      return stats.ambassadors.find((ambassador) => ambassador.code === CODE)?.rewards.credit;
    },
  };
}
