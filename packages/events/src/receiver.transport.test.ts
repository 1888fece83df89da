/** The receiver's answers about the request itself: method, media type, size, time, JSON, and Fetch. */
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { aRedemption } from './testing/fixtures.js';
import { aReceiver, errorCode, signed, unsigned } from './testing/receiver-harness.js';

describe('createReceiver: transport', () => {
  it('answers a Fetch Request with a JSON Response', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const response = await receive(
      new Request('http://127.0.0.1/api/referrals/events', {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: 'recorded' });
  });

  it('answers a framework that hands over no headers or no delivery with a 4xx, never a 500', async () => {
    const { receive } = await aReceiver();
    const answers = [
      await receive.handle({ body: '{}' } as never),
      await receive.handle(null as never),
      await receive.handle({ method: 42 as never, headers: { 'content-type': 'text/plain' }, body: '' }),
    ];
    expect(answers.map((answer) => [answer.status, errorCode(answer)])).toEqual([
      [415, 'unsupported_media_type'],
      [415, 'unsupported_media_type'],
      [415, 'unsupported_media_type'],
    ]);
  });

  it('answers a body a parser read first, or none where the request had one, 500 told to onError, so the sender keeps it', async () => {
    const errors: unknown[] = [];
    const { receive } = await aReceiver({ onError: (error, failure) => errors.push([String(error), failure]) });
    const delivery = await signed(aRedemption());
    const sized = { ...delivery.headers, 'content-length': String(new TextEncoder().encode(delivery.body).length) };
    const chunked = { ...delivery.headers, 'transfer-encoding': 'chunked' };
    const answers = [
      // express.json() before the receiver: a parsed object.
      await receive.handle({ ...delivery, headers: sized, body: JSON.parse(delivery.body) }),
      // No raw parser on the route: Express leaves req.body undefined, though the request had bytes.
      await receive.handle({ ...delivery, headers: sized, body: undefined }),
      await receive.handle({ ...delivery, headers: sized, body: '' }),
    ];
    expect(answers.map((answer) => [answer.status, errorCode(answer)])).toEqual(Array(3).fill([500, 'internal_error']));
    expect(errors).toEqual(
      Array(3).fill([expect.stringContaining('express.raw'), { status: 500, code: 'internal_error' }]),
    );
    // A request without bytes is the sender's, however the framework hands it over (Express 4's raw parser
    // gives `{}` for one): a 4xx, and nothing for an operator's alert.
    const empty = { ...delivery.headers, 'content-length': '0' };
    const refused = [
      await receive.handle({ ...delivery, headers: empty, body: '' }),
      await receive.handle({ ...delivery, headers: empty, body: {} as never }),
      await receive.handle({ ...delivery, body: {} as never }),
      // Chunks, of which there may have been none (an empty chunked POST): the sender's too.
      await receive.handle({ ...delivery, headers: chunked, body: '' }),
    ];
    expect(refused.map((answer) => [answer.status, errorCode(answer)])).toEqual([
      [401, 'invalid_signature'],
      [400, 'invalid_json'],
      [400, 'invalid_json'],
      [401, 'invalid_signature'],
    ]);
    expect(errors).toHaveLength(3);
    // And the raw bytes are recorded.
    expect((await receive.handle(delivery)).status).toBe(201);
  });

  it('reads a body handed over as an ArrayBuffer', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const bytes = new TextEncoder().encode(delivery.body);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect((await receive.handle({ headers: delivery.headers, body: buffer })).status).toBe(201);
  });

  it('reads bytes made in another realm (a vm context, as in a Jest environment or under jsdom)', async () => {
    const delivery = await signed(aRedemption());
    const bytes = [...new TextEncoder().encode(delivery.body)];
    // vitest's jsdom environment puts jsdom's Uint8Array and ArrayBuffer in place of Node's, whose
    // streams then hand over bytes that fail `instanceof Uint8Array`.
    const foreign: unknown[] = runInNewContext(
      `const padded = new Uint8Array([32, 32, 32, ...bytes]);
       [new Uint8Array(bytes), new Uint8Array(bytes).buffer, new Uint8Array(padded.buffer, 3), new DataView(padded.buffer, 3)]`,
      { bytes },
    );
    expect(foreign.some((body) => body instanceof Uint8Array || body instanceof ArrayBuffer)).toBe(false);
    const statuses = [];
    for (const body of foreign) {
      const { receive } = await aReceiver();
      statuses.push((await receive.handle({ headers: delivery.headers, body: body as Uint8Array })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
  });

  it('reads a signed body that starts with a byte order mark alike, as text, bytes or a Request', async () => {
    // RFC 8259 §8.1 lets a parser ignore a BOM; TextDecoder drops it from bytes, so text must too.
    const event = aRedemption();
    const delivery = await signed(`\uFEFF${JSON.stringify(event)}`, { id: event.id });
    const statuses = [];
    for (const body of [delivery.body, new TextEncoder().encode(delivery.body)]) {
      const { receive } = await aReceiver();
      statuses.push((await receive.handle({ ...delivery, body })).status);
    }
    const { receive } = await aReceiver();
    const request = new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    statuses.push((await receive(request)).status);
    expect(statuses).toEqual([201, 201, 201]);
  });

  it('refuses another method with 405 and an Allow header', async () => {
    const { receive } = await aReceiver();
    const response = await receive(new Request('http://127.0.0.1/', { method: 'GET' }));
    expect([response.status, response.headers.get('allow'), (await response.json()).error.code]).toEqual([
      405,
      'POST',
      'method_not_allowed',
    ]);
  });

  it('gives the 405 of .handle its Allow header, for an adapter to copy', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle({ method: 'GET', headers: {}, body: '' });
    expect([answer.status, answer.headers]).toEqual([405, { allow: 'POST' }]);
  });

  it.each([
    ['signed', true],
    ['unsigned', false],
  ])('refuses a gzip-coded %s body with 415, through .handle and Fetch', async (_, isSigned) => {
    const event = aRedemption();
    const delivery = isSigned ? await signed(event) : unsigned(event);
    const headers = { ...delivery.headers, 'content-encoding': 'gzip' };
    const { receive } = await aReceiver(isSigned ? {} : { secret: undefined });
    const answer = await receive.handle({ ...delivery, headers, body: gzipSync(delivery.body) });
    const response = await receive(
      new Request('http://127.0.0.1/', { method: 'POST', headers, body: gzipSync(delivery.body) }),
    );
    const fetched = await response.json();
    expect([answer.status, errorCode(answer), response.status, fetched.error.code]).toEqual([
      415,
      'unsupported_media_type',
      415,
      'unsupported_media_type',
    ]);
    expect(fetched.error.message).toMatch(/Content-Encoding: gzip/);
  });

  it('reads a body whose content coding is identity', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({
      ...delivery,
      headers: { ...delivery.headers, 'content-encoding': 'identity' },
    });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['read', (request: Request) => request.text()],
    ['locked', (request: Request) => request.body?.getReader()],
  ])('answers 500 internal_error, never rejects, for a Request whose body was %s before it came', async (_, take) => {
    const onError = vi.fn();
    const { receive } = await aReceiver({ onError });
    const delivery = await signed(aRedemption());
    const request = new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    await take(request);
    const response = await receive(request);
    expect([response.status, (await response.json()).error.code]).toEqual([500, 'internal_error']);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('receive(c.req.raw)') }),
      { status: 500, code: 'internal_error' },
    );
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({
      ...delivery,
      headers: { ...delivery.headers, 'content-type': 'text/plain' },
    });
    expect([answer.status, errorCode(answer)]).toEqual([415, 'unsupported_media_type']);
  });

  it.each([
    'application/json; charset',
    'application/json; charset=utf-8; x',
    'application/json; =utf-8',
    'application/json; charset="utf-8',
    'application/json; charset=utf 8',
  ])('refuses the malformed Content-Type %j with 415, through .handle and Fetch', async (type) => {
    // RFC 9110 §5.6.6: a parameter is `name=value`. Express 4's body parsers skip such a body, and a
    // mounting that hands the receiver nothing would answer a stranger's junk header 500.
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const headers = { ...delivery.headers, 'content-type': type };
    const answer = await receive.handle({ ...delivery, headers });
    const response = await receive(new Request('http://127.0.0.1/', { method: 'POST', headers, body: delivery.body }));
    expect([answer.status, errorCode(answer), response.status, (await response.json()).error.code]).toEqual([
      415,
      'unsupported_media_type',
      415,
      'unsupported_media_type',
    ]);
  });

  it.each([
    'application/json;',
    'application/json;;charset=UTF-8',
    'application/json ; charset="utf-8"',
    'application/json;\tcharset="a \\"quoted\\" value"',
    'Application/JSON',
  ])('reads a body of the well-formed JSON Content-Type %j', async (type) => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({ ...delivery, headers: { ...delivery.headers, 'content-type': type } });
    expect(answer.status).toBe(201);
  });

  it('refuses a Content-Type of thousands of empty parameters at once', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const type = `application/json${'; '.repeat(5000)}x`;
    const started = performance.now();
    const answer = await receive.handle({ ...delivery, headers: { ...delivery.headers, 'content-type': type } });
    expect([answer.status, performance.now() - started < 250]).toEqual([415, true]);
  });

  it('refuses a body over the limit with 413', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const answer = await receive.handle(await signed(aRedemption()));
    expect([answer.status, errorCode(answer)]).toEqual([413, 'payload_too_large']);
  });

  it('counts multi-byte characters against the limit', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const answer = await receive.handle(unsigned(`"${'é'.repeat(60)}"`));
    expect(answer.status).toBe(413);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const response = await receive(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000000' },
        body: '{}',
      }),
    );
    expect(response.status).toBe(413);
  });

  it('stops reading an endless body at the limit', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 65_536 });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4096).fill(32));
      },
    });
    const request = streamedPost(endless);
    const response = await receive(request);
    expect([response.status, pulled < 40]).toEqual([413, true]);
  });

  it('answers 408 when a body stalls', async () => {
    const { receive } = await aReceiver({ bodyTimeoutMs: 50 });
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const request = streamedPost(stalled);
    expect((await receive(request)).status).toBe(408);
  });

  it.each(['{', '', 'null x', '\u00ff'])('refuses the malformed JSON %j with 400', async (body) => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(body));
    expect([answer.status, errorCode(answer)]).toEqual([400, 'invalid_json']);
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    const answer = await receive.handle({
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x22, 0xff, 0x22]),
    });
    expect(errorCode(answer)).toBe('invalid_json');
  });
});

/** A JSON POST whose body arrives as a stream, as Node's fetch server passes it on. */
function streamedPost(body: ReadableStream<Uint8Array>): Request {
  return new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
}
