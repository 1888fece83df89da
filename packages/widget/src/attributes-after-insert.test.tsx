// A file of its own: each line is said once a page, so a line said by another test would hide this one's.
// Angular's `[attr.code]` and Lit's attribute bindings insert the element first and set its attributes
// after, in the same task or a microtask later: the render without them is no misconfiguration.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { init } from './config.js';

const page = quietWidgetPage();

beforeAll(() => {
  init({ ...acmeSetup });
});

afterEach(() => {
  document.body.replaceChildren();
  page.warn.mockClear();
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Inserts an empty `<referkit-share>`, as a framework's template does before it sets the bindings. */
function insertShare() {
  const element = document.createElement('referkit-share');
  document.body.append(element);
  return element;
}

describe('<referkit-share> given its attributes just after it is inserted', () => {
  it('logs nothing for a code set in the same task, and shows the panel at once', async () => {
    const element = insertShare();
    element.setAttribute('code', 'ALEX-7HC2QK');
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Acme');
    await nextFrame();
    expect(page.warn).not.toHaveBeenCalled();
  });

  it('logs nothing for a code set a microtask later', async () => {
    const element = insertShare();
    await Promise.resolve();
    element.setAttribute('code', 'ALEX-7HC2QK');
    await nextFrame();
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Acme');
    expect(page.warn).not.toHaveBeenCalled();
  });

  it('logs nothing for terms with the offer set in the same task', async () => {
    const element = document.createElement('referkit-share');
    element.setAttribute('code', 'ALEX-7HC2QK');
    element.setAttribute('terms', '{"friendOffer":null}');
    document.body.append(element);
    element.setAttribute('terms', '{"brand":"Bolt"}');
    await nextFrame();
    expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Invite friends to Bolt');
    expect(page.warn).not.toHaveBeenCalled();
  });

  it('logs one line a frame later for an element that stays without a code', async () => {
    const element = insertShare();
    await nextFrame();
    expect(element.shadowRoot?.childNodes).toHaveLength(0);
    expect(page.warn.mock.calls).toEqual([
      [
        '[referkit] Could not show the share panel: the code attribute "" is not a referral code. Set code="ALEX-7HC2QK".',
      ],
    ]);
  });
});
