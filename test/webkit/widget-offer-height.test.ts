import { describe, expect, it } from 'vitest';
import { untilInPage, webkitAndServer } from './webkit-harness.js';

const web = webkitAndServer();

describe('<referkit-offer> in WebKit', () => {
  it('is as tall as its text, not the half of the viewport it may grow to', async () => {
    await web.driver.get(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
    // Once it has slid in and the code lookup has named the ambassador, when the box keeps the height it has.
    const { box, content } = await untilInPage(web.driver, () => {
      const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
      if (!aside?.textContent?.includes('Alex gave you')) return null;
      return Promise.all(aside.getAnimations().map((slide) => slide.finished)).then(() => {
        const style = getComputedStyle(aside);
        const edges = ['borderTopWidth', 'paddingTop', 'paddingBottom', 'borderBottomWidth'] as const;
        const inside = edges.reduce(
          (height, edge) => height - Number.parseFloat(style[edge]),
          aside.getBoundingClientRect().height,
        );
        // From its first line's top to its last line's bottom (the dismiss button is centred between them).
        const lines = [...aside.children].map((child) => child.getBoundingClientRect());
        const content = Math.max(...lines.map((line) => line.bottom)) - Math.min(...lines.map((line) => line.top));
        return { box: inside, content };
      });
    });
    // Chromium lays it out so (88px with its padding); WebKit took `calc(50dvh - 1.5em)`, 341px at a 730px viewport.
    expect(box).toBeCloseTo(content, 0);
  });
});
