/**
 * The storefront pages as the server fills them: the program's offer printed into each page as the
 * JSON data block `storefront.js` gives to init, read back as a browser reads it.
 */
import { programSchema } from '@referkit/events';
import { describe, expect, test } from 'vitest';
import { demoProgram } from './demo-program.js';
import { accountPage, productPage } from './storefront-pages.js';

const program = programSchema.parse(demoProgram(new Date('2026-11-22T10:00:00.000Z')));

/** The data block's text, as `document.getElementById('referkit-terms').textContent` reads it. */
const termsIn = (page: string) => {
  const blocks = [...page.matchAll(/<script type="application\/json" id="referkit-terms">(.*?)<\/script>/gs)];
  return blocks.map(([, text]) => JSON.parse(text as string));
};

describe('the storefront pages', () => {
  test("print the program's offer once into the product page and the account page", async () => {
    const offer = {
      brand: 'Fernwood Tea',
      currency: 'USD',
      friendOffer: { kind: 'percent', percent: 15 },
      firstOrderOnly: true,
      minimumOrder: 2000,
    };
    expect(termsIn(await productPage(program))).toEqual([offer]);
    expect(
      termsIn(
        await accountPage({ kind: 'list', list: { ambassadors: [], page: 1, pages: 1, total: 0, first: 0 } }, program),
      ),
    ).toEqual([offer]);
  });

  test('print a brand that holds markup as data that cannot end its block', async () => {
    const brand = '</script><script>alert(1)</script><!--';
    const page = await productPage({ ...program, brand });
    expect(page).not.toContain('<script>alert(1)');
    expect(termsIn(page)[0]?.brand).toBe(brand);
  });
});
