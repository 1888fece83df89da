/** Consent to store: what the SDK may keep on the friend's device. */

/**
 * `pending`: keep everything in memory and write nothing; `granted`: persist in localStorage and a
 * first-party cookie; `denied`: persist nothing and clear what was stored.
 */
export type ConsentState = 'pending' | 'granted' | 'denied';
