/**
 * `@referkit/sdk` as a server runtime imports it (the package's `node`, `deno`, `bun`, `workerd` and
 * `edge-light` export conditions): every name of the browser entry, with the one `createReferkit` that
 * signs its events when given `secret`, as the contract promises of `createReferkit` in Node. The
 * browser entry leaves signing out: a page holds no secret, and must not pay the bytes of the code.
 */
export * from './index.js';
export type { ReversalReason, ReverseInput, ServerReferkitClient, ServerReferkitOptions } from './server.js';
export { createReferkit } from './server.js';
