/**
 * A function a brand hands in as an option, compared as a method's parameters are (both ways): one
 * written for less than it is given, such as `(event: RedemptionEvent) => …` for redemptions and
 * reversals, or `(error: Error) => …` for `unknown`, is accepted, as it was while these options were
 * methods. Unlike a method, the property can also be typed to take `undefined` explicitly, which
 * `exactOptionalPropertyTypes` asks for.
 */
export type Callback<Args extends unknown[], Result> = { method(...args: Args): Result }['method'];
