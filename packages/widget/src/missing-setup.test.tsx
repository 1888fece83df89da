// A file of its own: whether the page has been told about a missing setup is page-wide state.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { init, type WidgetConfig } from './config.js';
import { defineElements } from './elements.js';

let warn: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  defineElements();
});

afterAll(() => {
  warn.mockRestore();
});

describe('one setup mistake, one line', () => {
  it('logs a failed init once, and the elements waiting for a setup add nothing', async () => {
    expect(init({ program: 'spring-2026' } as WidgetConfig)).toBe(false);
    document.body.innerHTML =
      '<referkit-share code="ALEX-7HC2QK"></referkit-share><referkit-offer></referkit-offer><referkit-offer></referkit-offer>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn.mock.calls).toEqual([
      [
        "[referkit] Could not start: init needs a program and an endpoint. Call Referkit('init', { program, endpoint }).",
      ],
    ]);
    expect(document.querySelector('referkit-share')?.shadowRoot?.childNodes.length ?? 0).toBe(0);
    warn.mockClear();
  });
});
