/** Which client a remote address counts as for the sign-up throttle: IPv4 alone, IPv6 by its /64. */
import { describe, expect, test } from 'vitest';
import { clientNetwork } from './client-network.js';

describe('clientNetwork', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['127.0.0.1', '127.0.0.1'],
  ])('counts %s, an IPv4 address, as itself: %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  test.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('counts %s by its /64, the range one home or phone is given: %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  test('counts a request without a socket (in-process, in tests) as one client', () => {
    expect(clientNetwork(undefined)).toBe('unknown');
  });
});
