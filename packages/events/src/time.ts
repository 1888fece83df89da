/**
 * The ledger's times, read and written without `Date.parse` and `toISOString` on the hot path.
 * Both are runtime calls in V8 (~0.4 µs and ~1.2 µs on Node 20); a redemption's path reads its
 * times three or four times and writes one, which made them a tenth of the receiver's budget.
 * Anything off the common shape falls back to them, so results are always the same as theirs.
 */

/** A day in milliseconds. */
export const DAY_MS = 86_400_000;
// `2026-11-22T10:00:00.000Z`: UTC with milliseconds, as toISOString writes and the SDK sends.
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// 9999-12-31T23:59:59.999Z: toISOString writes later years as +YYYYYY. A literal, not Date.UTC(…),
// so that bundlers see no call and leave this module out of entries that do not use it.
const LATEST_FAST_MS = 253_402_300_799_999;

const COLON = 0x3a;
const DOT = 0x2e;
const ZULU = 0x5a;

let cachedDay = Number.NaN;
let cachedDate = '';

/** `Date.parse(text)`, computed by hand for a canonical UTC time. */
export function parseTime(text: string): number {
  if (!CANONICAL.test(text)) return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // Date.UTC reads years below 100 as 19xx and rolls minute 60 over where Date.parse says NaN.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return Date.parse(text);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, digits(text, 20, 3));
}

/** A time as the ledger keeps it and compares it: UTC with milliseconds, as `toISOString` writes it. */
export function canonicalTime(time: string): string {
  // Times already in that shape (the SDK sends them so) need no re-formatting.
  return CANONICAL.test(time) ? time : new Date(time).toISOString();
}

/** `new Date(ms).toISOString()`, with the date part kept from the last call (it changes once a day). */
export function formatTime(ms: number): string {
  if (!(ms >= 0 && ms <= LATEST_FAST_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const time = ms - day * DAY_MS;
  const hours = Math.floor(time / 3_600_000);
  const minutes = Math.floor(time / 60_000) % 60;
  const seconds = Math.floor(time / 1000) % 60;
  const millis = time % 1000;
  // One fromCharCode for the time makes one flat string; a template literal would leave a tree of
  // its pieces (~4× the memory) in every ledger row and stored answer that keeps the time.
  return (
    cachedDate +
    String.fromCharCode(
      digit(hours, 10),
      digit(hours, 1),
      COLON,
      digit(minutes, 10),
      digit(minutes, 1),
      COLON,
      digit(seconds, 10),
      digit(seconds, 1),
      DOT,
      digit(millis, 100),
      digit(millis, 10),
      digit(millis, 1),
      ZULU,
    )
  );
}

/** The character code of one decimal digit of a value: `place` 1 for the ones, 10 for the tens… */
function digit(value: number, place: number): number {
  return 48 + (Math.floor(value / place) % 10);
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}
