// A backend and a storefront written against the published types only: `tsc` checks this file in
// a fresh project where the packages come from their tarballs.
import {
  createReceiver,
  memoryStore,
  normalizeCode,
  type Program,
  parseEvent,
  programSchema,
  type RedemptionEvent,
  type ReferralEvent,
} from '@referkit/events';
import { CODE_PATTERN } from '@referkit/events/code';
import { signEvent, verifySignature } from '@referkit/events/signature';
import {
  buildShareLink,
  createReferkit,
  type Delivery,
  type Referral,
  readReferral,
  shareIntents,
} from '@referkit/sdk';
import { createReferkit as createSignedReferkit } from '@referkit/sdk/server';
import { defineElements, init, type WidgetConfig } from '@referkit/widget';

export const program: Program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});

export function redemptionOf(input: unknown): RedemptionEvent | null {
  const result = parseEvent(input);
  if (!result.ok) return null;
  const event: ReferralEvent = result.value;
  return event.type === 'redemption' ? event : null;
}

export const receiver = createReceiver({
  programs: [program],
  resolveCode: async (code: string) => (normalizeCode(code) === 'ALEX-7HC2QK' ? null : null),
  store: memoryStore(),
});

export async function signed(body: string): Promise<boolean> {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const headers = await signEvent({ secret, id: 'evt_V1StGXR8Z5jdHi6BmyT', timestamp: new Date(), body });
  const verdict = await verifySignature({ secrets: secret, headers, body });
  return verdict.ok && CODE_PATTERN.test('ALEX-7HC2QK');
}

export async function checkout(): Promise<Delivery> {
  const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api', consent: 'granted' });
  const referral: Referral | null = referkit.capture('https://shop.example/p?ref=alex-7hc2qk');
  const link = buildShareLink({ base: 'https://shop.example/', code: referral?.code ?? 'ALEX-7HC2QK' });
  if (link.ok) shareIntents(link.value, 'Try Acme').whatsapp satisfies string;
  readReferral('https://shop.example/?ref=ALEX-7HC2QK')?.code satisfies string | undefined;
  return referkit.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
}

export const server = createSignedReferkit({
  program: 'spring-2026',
  endpoint: 'https://brand.example/api',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
});

export function storefront(): boolean {
  defineElements();
  const config: WidgetConfig = { program: 'spring-2026', endpoint: '/api', brand: 'Acme' };
  return init(config);
}
