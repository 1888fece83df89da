import { describe, expect, test } from 'vitest';
import { escapeHtml, html } from './html.js';

describe('html', () => {
  test('escapes markup and quotes in interpolated text', () => {
    expect(html`<p title="${'"><script>'}">${'<b>&'}</p>`.text).toBe(
      '<p title="&#34;&#62;&#60;script&#62;">&#60;b&#62;&#38;</p>',
    );
  });

  test('passes nested fragments and arrays through unescaped once', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>a&#60;</li><li>b</li></ul>');
  });

  test('renders nothing for null, undefined and false', () => {
    expect(html`[${null}${undefined}${false}]`.text).toBe('[]');
  });

  test('escapes single quotes too', () => {
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
