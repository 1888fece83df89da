import { describe, expect, it } from 'vitest';
import { shareIntents } from './share-intents.js';

const link = 'https://shop.example/p?ref=ALEX-7HC2QK&rk_ch=whatsapp';
const encodedLink = 'https%3A%2F%2Fshop.example%2Fp%3Fref%3DALEX-7HC2QK%26rk_ch%3Dwhatsapp';
const message = 'Get 15% off & free shipping! I get $10 credit.';
const encodedMessage = 'Get%2015%25%20off%20%26%20free%20shipping!%20I%20get%20%2410%20credit.';

describe('shareIntents', () => {
  const intents = shareIntents(link, message, { subject: 'A gift from Alex' });

  it('builds WhatsApp click-to-chat with the message and link as one text', () => {
    expect(intents.whatsapp).toBe(`https://wa.me/?text=${encodedMessage}%20${encodedLink}`);
  });

  it('builds the X web intent with text and url', () => {
    expect(intents.x).toBe(`https://x.com/intent/tweet?text=${encodedMessage}&url=${encodedLink}`);
  });

  it('builds the Facebook sharer with the link only', () => {
    expect(intents.facebook).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodedLink}`);
  });

  it('builds the LinkedIn share-offsite URL with the link only', () => {
    expect(intents.linkedin).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodedLink}`);
  });

  it('builds the Telegram share URL with url and text', () => {
    expect(intents.telegram).toBe(`https://t.me/share/url?url=${encodedLink}&text=${encodedMessage}`);
  });

  it('builds the Reddit submit URL with the message as title, whatever the email subject', () => {
    // A post's title is all the text it carries: the message, disclosure line included, must be it.
    expect(intents.reddit).toBe(`https://www.reddit.com/submit?url=${encodedLink}&title=${encodedMessage}`);
  });

  it('builds a mailto with subject and body encoded per RFC 6068 (%20, CRLF)', () => {
    expect(intents.email).toBe(
      `mailto:?subject=A%20gift%20from%20Alex&body=${encodedMessage}%0D%0A%0D%0A${encodedLink}`,
    );
    expect(intents.email).not.toContain('+');
  });

  it('builds the sms: form that iOS (&body=) and Android (?body=) both read', () => {
    expect(intents.sms).toBe(`sms:?&body=${encodedMessage}%20${encodedLink}`);
    // Android reads the query; iOS looks for `&body=`. Both find the same text.
    expect(new URLSearchParams(intents.sms.split('?')[1]).get('body')).toBe(`${message} ${link}`);
  });

  it('uses the message as subject and title when none is given', () => {
    const plain = shareIntents(link, 'Hi');
    expect(plain.email.startsWith('mailto:?subject=Hi&body=')).toBe(true);
    expect(plain.reddit.endsWith('&title=Hi')).toBe(true);
  });

  it('keeps a subject and title on one line (a break would end an email header), the body keeping its breaks', () => {
    const lines = shareIntents(link, 'Line one\r\n\nLine two');
    expect(lines.email.startsWith('mailto:?subject=Line%20one%20Line%20two&body=Line%20one%0D%0A')).toBe(true);
    expect(lines.reddit.endsWith('&title=Line%20one%20Line%20two')).toBe(true);
    expect(shareIntents(link, 'Hi', { subject: 'A\ngift' }).email).toContain('subject=A%20gift&');
  });

  it('writes every line break of the body as CRLF, a lone CR (old Mac text, a template) too', () => {
    const body = shareIntents(link, 'One\rTwo\nThree\r\nFour').email.split('&body=')[1];
    expect(body).toBe(`One%0D%0ATwo%0D%0AThree%0D%0AFour%0D%0A%0D%0A${encodeURIComponent(link)}`);
  });

  it('decodes back to the exact message, whatever it holds', () => {
    const tricky = 'Ünïcødé 🎁 a+b=c & d?e#f\nnew line';
    const url = new URL(shareIntents(link, tricky).telegram);
    expect(url.searchParams.get('text')).toBe(tricky);
    expect(url.searchParams.get('url')).toBe(link);
  });
  it('encodes a message cut inside an emoji (half a surrogate pair) instead of throwing', () => {
    const cut = 'Gift 🎁'.slice(0, -1);
    const intents = shareIntents(link, cut);
    expect(new URL(intents.telegram).searchParams.get('text')).toBe('Gift \uFFFD');
    expect(shareIntents(link, 'Gift 🎁').x).toContain('Gift%20%F0%9F%8E%81');
  });

  it('sends the link alone when there is no message', () => {
    const intents = shareIntents(link, '');
    expect(intents.whatsapp).toBe(`https://wa.me/?text=${encodeURIComponent(link)}`);
    expect(intents.sms).toBe(`sms:?&body=${encodeURIComponent(link)}`);
    expect(intents.email.endsWith(`&body=${encodeURIComponent(link)}`)).toBe(true);
    // Left out, the message is none at all, not the word "undefined" or a TypeError.
    expect(shareIntents(link)).toEqual(intents);
  });
});
