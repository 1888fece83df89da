/**
 * An HTTP-date as a time (RFC 9110 §5.6.7): the IMF-fixdate every sender writes now, and the two
 * obsolete forms a recipient must still accept. Strict, unlike `Date.parse`, which takes "2" as the
 * year 2001 and reads asctime's date, which names no zone, as local time: a field that is no valid
 * date is to be ignored, not read as some other time.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})';

const FORMS = [
  // Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // Sunday, 06-Nov-94 08:49:37 GMT (RFC 850)
  new RegExp(`^${LONG_DAY}, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`),
  // Sun Nov  6 08:49:37 1994 (asctime)
  new RegExp(`^${DAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

/** The time `value` names, in milliseconds since the epoch, or null when it is no HTTP-date. */
export function parseHttpDate(value: string, now = Date.now()): number | null {
  for (const form of FORMS) {
    const parts = form.exec(value)?.groups;
    if (!parts) continue;
    const year = parts.year?.length === 2 ? twoDigitYear(Number(parts.year), now) : Number(parts.year);
    const fields = [
      year,
      MONTHS.indexOf(parts.month ?? ''),
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ];
    const time = new Date(0);
    time.setUTCFullYear(year, fields[1], fields[2]);
    time.setUTCHours(fields[3] ?? 0, fields[4], fields[5]);
    // Date rolls 31 Feb over into March and 24:00 into the next day; such a date is no date.
    const back = [
      time.getUTCFullYear(),
      time.getUTCMonth(),
      time.getUTCDate(),
      time.getUTCHours(),
      time.getUTCMinutes(),
      time.getUTCSeconds(),
    ];
    return back.every((field, at) => field === fields[at]) ? time.getTime() : null;
  }
  return null;
}

/**
 * RFC 850's two-digit year: the year ending in those digits that is not more than 50 years ahead of
 * now (RFC 9110 §5.6.7).
 */
function twoDigitYear(year: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const candidate = thisYear - (thisYear % 100) + year;
  return candidate > thisYear + 50 ? candidate - 100 : candidate;
}
