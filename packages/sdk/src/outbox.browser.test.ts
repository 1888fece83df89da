import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureClient } from './capture-client.js';
import { aShareBody } from './testing/queued.js';

afterEach(() => localStorage.clear());

describe('a flush of a big outbox, in Chromium', () => {
  // A day offline: 1,000 events queued, sent by the next page load. Chromium spends ~0.5 ms of the
  // page's main thread in each fetch() call: started all in one task, they held the page 0.55 to 0.75 s
  // (a PerformanceObserver for `longtask`). How long each task takes depends on the machine and what
  // else it runs; whether the page gets its turns meanwhile does not.
  it('lets the page run while it starts the requests, and sends every event once', async () => {
    for (let n = 0; n < 1000; n++) localStorage.setItem(`rk_outbox:evt_day_${n}`, aShareBody(`evt_day_${n}`));
    const sent: string[] = [];
    // The page's own work, queued before the SDK starts: a click, a frame to paint.
    let sentWhenThePageRan: number | undefined;
    setTimeout(() => {
      sentWhenThePageRan = sent.length;
    });
    const client = createCaptureClient({
      program: 'spring-2026',
      endpoint: '/api',
      // Chromium's own fetch, to the test server, whatever it answers: the receiver records each event.
      fetch: (url, init) => {
        sent.push(JSON.parse(String(init?.body)).id);
        const recorded = () => Response.json({ status: 'recorded' }, { status: 201 });
        return fetch(url, init).then(recorded, recorded);
      },
    });
    await client.flush();
    expect(sentWhenThePageRan).toBeLessThan(500);
    expect(new Set(sent).size).toBe(1000);
    expect(sent).toHaveLength(1000);
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
