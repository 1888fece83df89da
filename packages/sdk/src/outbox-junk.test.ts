/**
 * What the outbox finds under its keys that no client could ever send: storage is the page's to write
 * too, and a quota used by junk for good is a quota the next event may not find.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReferkit } from './client.js';
import { installPage } from './testing/fake-page.js';
import { aShareBody } from './testing/queued.js';

afterEach(() => vi.unstubAllGlobals());

const AT = ' https://shop.example/api/referrals/events';

/** A client of spring-2026 whose receiver records everything, and the ids it was sent. */
function aClient() {
  const sent: string[] = [];
  const client = createReferkit({
    program: 'spring-2026',
    endpoint: 'https://shop.example/api',
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)).id);
      return Response.json({ status: 'recorded' }, { status: 201 });
    },
  });
  return { client, sent };
}

const outboxKeys = (storage: object) => Object.keys(storage).filter((key) => key.startsWith('rk_outbox'));

describe('an outbox entry that can never be sent', () => {
  it.each([
    ['text that is not JSON', 'not json'],
    ['a list', '[1,2,3]'],
    ['null', 'null'],
    ['a number', '42'],
    ['an object of no program', '{"id":"evt_no_program_1"}'],
    ['a 2 MB string', 'x'.repeat(2e6)],
  ])('is removed when the outbox reads it: %s', async (_what, junk) => {
    const page = installPage();
    page.storage.setItem(`rk_outbox:evt_junk_00001${AT}`, junk);
    page.storage.setItem(`rk_outbox:evt_junk_00002`, junk);
    page.storage.setItem(`rk_outbox:evt_valid_0001${AT}`, aShareBody('evt_valid_0001'));
    const { client, sent } = aClient();
    await client.flush();
    expect(sent).toEqual(['evt_valid_0001']);
    expect(outboxKeys(page.storage)).toEqual([]);
  });

  it("leaves another program's event, and another endpoint's, to their own clients", async () => {
    const page = installPage();
    const leaders = JSON.stringify({ ...JSON.parse(aShareBody('evt_leaders_01')), program: 'leaders' });
    page.storage.setItem(`rk_outbox:evt_leaders_01${AT}`, leaders);
    page.storage.setItem('rk_outbox:evt_brand_b_01 https://brand-b.example/api/referrals/events', aShareBody('x'));
    await aClient().client.flush();
    expect(outboxKeys(page.storage).sort()).toEqual([
      'rk_outbox:evt_brand_b_01 https://brand-b.example/api/referrals/events',
      `rk_outbox:evt_leaders_01${AT}`,
    ]);
  });

  it('is removed as the page goes too, and not sent', () => {
    const page = installPage();
    page.storage.setItem(`rk_outbox:evt_junk_00001${AT}`, '{"id":"evt_junk_00001"}');
    const { sent } = aClient();
    page.events.dispatchEvent(new Event('pagehide'));
    expect(outboxKeys(page.storage)).toEqual([]);
    expect(sent).toEqual([]);
  });
});

describe("an earlier version's single list that is junk", () => {
  it.each([
    ['text that is not JSON', 'not json'],
    ['an object', '{"not":"an array"}'],
    ['null', 'null'],
    ['a 2 MB string', 'x'.repeat(2e6)],
  ])('is removed, with the note of its move: %s', async (_what, junk) => {
    const page = installPage();
    page.storage.setItem('rk_outbox', junk);
    page.storage.setItem('rk_outbox-moved', junk);
    await aClient().client.flush();
    expect(outboxKeys(page.storage)).toEqual([]);
  });

  it('leaves no note of a move once the list is gone', async () => {
    const page = installPage();
    page.storage.setItem('rk_outbox-moved', JSON.stringify([aShareBody('evt_before_upgrade_1')]));
    await aClient().client.flush();
    expect(outboxKeys(page.storage)).toEqual([]);
  });
});
