import { describe, expect, it } from 'vitest';
import { inPage, untilInPage, webkitAndServer } from './webkit-harness.js';

const web = webkitAndServer();

describe('the widget in Arabic in WebKit', () => {
  it('loads the Arabic catalogue and lays the panel and banner out right to left', async () => {
    await web.driver.get(`${web.server.url}/rtl.html?ref=ALEX-7HC2QK`);
    await untilInPage(web.driver, () => {
      const panel = document.querySelector('referkit-share')?.shadowRoot?.textContent ?? '';
      const offer = document.querySelector('referkit-offer')?.shadowRoot?.textContent ?? '';
      return panel.includes('ادع أصدقاءك إلى Acme') && offer.includes('هدية من Alex');
    });
    const layout = await inPage(web.driver, () => {
      const panel = document.querySelector('referkit-share')?.shadowRoot;
      const field = panel?.querySelector('input')?.getBoundingClientRect();
      const copy = [...(panel?.querySelectorAll('button') ?? [])]
        .find((button) => button.textContent === 'نسخ الرابط')
        ?.getBoundingClientRect();
      const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
      return {
        panel: getComputedStyle(panel?.querySelector('section') as Element).direction,
        banner: aside && getComputedStyle(aside).direction,
        // The copy button sits to the left of the link field in a right-to-left row.
        copyLeftOfField: !!copy && !!field && copy.right <= field.left,
      };
    });
    expect(layout).toEqual({ panel: 'rtl', banner: 'rtl', copyLeftOfField: true });
    expect(web.server.requests).toContain('/referkit-ar.js');
  });
});
