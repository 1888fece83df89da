/**
 * Which client a remote address counts as for the sign-up throttle. An IPv4 address is one client
 * (a home, or an office behind one address). An IPv6 client is given a whole /64 (RFC 6177: a home,
 * a phone on a mobile network), and picks a new address in it at will (privacy addresses, RFC 8981):
 * counted by address, it would never run out, so it is counted by its /64.
 */

/** The IPv4 address, or the IPv6 address's /64 (e.g. `2001:db8:1:2::/64`); `unknown` without one. */
export function clientNetwork(address: string | undefined): string {
  if (!address) return 'unknown';
  // An IPv4 client on a dual-stack socket is written as an IPv4-mapped IPv6 address.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  // `::` stands for as many zero groups as the address leaves out, of eight.
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
