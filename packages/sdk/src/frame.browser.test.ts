// Frames whose document has its creator's origin while its address has none: `about:blank` made by the
// DOM, and `srcdoc`. A page builds a widget's panel in one (a preview, a sandbox of its editor).
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

/** Adds a frame, with `srcdoc` if given, and returns its window once its document is there. */
async function aFrame(srcdoc?: string) {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (srcdoc !== undefined) frame.srcdoc = srcdoc;
  document.body.append(frame);
  if (srcdoc !== undefined) await loaded;
  return frame.contentWindow as Window & typeof globalThis;
}

describe('the SDK run in a frame of the page, in Chromium', () => {
  it.each([
    ['about:blank', undefined],
    ['srcdoc', '<p>Preview</p>'],
  ])('builds share links from the origin of an %s frame, whose address has none', async (_frame, srcdoc) => {
    const view = await aFrame(srcdoc);
    expect([view.location.origin, view.origin]).toEqual(['null', location.origin]);
    // The SDK's module loaded in the frame's realm, as the frame's own script loads it: its globals are the frame's.
    const source = JSON.stringify(new URL('./capture-client.ts', import.meta.url).href);
    const sdk: typeof import('./capture-client.js') = await view.eval(`import(${source})`);
    const client = sdk.createCaptureClient({
      program: 'spring-2026',
      endpoint: '/api',
      fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }),
    });
    expect(client.shareLink({ code: 'alex-7hc2qk', channel: 'sms' })).toEqual({
      ok: true,
      value: `${location.origin}/?ref=ALEX-7HC2QK&rk_ch=sms`,
    });
  });
});
