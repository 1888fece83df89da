// A shop's checkout page with the built SDK, which the test serves as /sdk.js: it captures the referral
// of the address as each page of the shop does, and the test redeems the order through `window.referkit`.
import { createReferkit } from '/sdk.js';

window.referkit = createReferkit({ program: 'spring-2026', endpoint: '/api' });
window.referkit.capture();
