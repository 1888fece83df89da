/** `@referkit/sdk` as Node imports it (the package's `node` condition): the contract's one createReferkit signs. */
import { verifySignature } from '@referkit/events/signature';
import * as sdk from '@referkit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type * as node from './node.js';
import { CODE, ENDPOINT, networkWithReceiver } from './testing/receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
let network: Awaited<ReturnType<typeof networkWithReceiver>> | undefined;
// The repository's type paths name the browser entry for every file; the Node projects' module alias
// resolves `@referkit/sdk` as Node does, to the node entry, whose types these are.
const { buildShareLink, createReferkit } = sdk as unknown as typeof node;

afterEach(() => {
  network?.server.close();
  network = undefined;
});

describe('@referkit/sdk in Node', () => {
  it('signs with `secret` a redemption that a signing receiver records', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET });
    expect(await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).toMatchObject({
      ok: true,
      status: 201,
    });
    const [request] = network.requests;
    expect(await verifySignature({ secrets: SECRET, headers: request!.headers, body: request!.body })).toMatchObject({
      ok: true,
    });
  });

  it('sends unsigned claims without `secret`, and keeps the browser entry’s other names', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT });
    const delivery = await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'missing_signature' } });
    expect(network.requests[0]?.headers.get('webhook-signature')).toBeNull();
    expect(buildShareLink({ base: 'https://shop.example/', code: CODE })).toEqual({
      ok: true,
      value: `https://shop.example/?ref=${CODE}`,
    });
  });
});
