// A named <img>, <form> or <embed> is a property of `document` that hides the document's own of that
// name (HTML's [LegacyOverrideBuiltIns]): a storefront's markup can clobber what the SDK reads there.
import { afterEach, describe, expect, it } from 'vitest';
import { createReferkit } from './client.js';

const LINK = 'https://shop.example/p?ref=named-7hc2qk&rk_ch=whatsapp';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

describe('a page with an element named "prerendering", in Chromium', () => {
  it('captures the referral, reports its landing and redeems it', async () => {
    const image = document.createElement('img');
    image.name = 'prerendering';
    document.body.append(image);
    // The page is on view, yet `document.prerendering` is that element.
    expect((document as { prerendering?: unknown }).prerendering).toBe(image);
    const posted: { type: string; attribution?: unknown }[] = [];
    const client = createReferkit({
      program: 'spring-2026',
      endpoint: '/api',
      fetch: async (_url, init) => {
        posted.push(JSON.parse(String(init?.body)));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    expect(client.capture(LINK)?.code).toBe('NAMED-7HC2QK');
    await client.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
    await client.flush();
    expect(posted.map((event) => event.type).sort()).toEqual(['landing', 'redemption']);
  });
});
