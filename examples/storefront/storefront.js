// Referkit's queue: calls made before referkit.js has loaded wait in Referkit.q, then run in order.
// This file loads before referkit.js (both `defer`), and is a file of its own rather than an
// inline script so the pages work under a strict Content-Security-Policy.
// `typeof`, not `window.Referkit ||`: an element with id="Referkit" is window.Referkit too.
window.Referkit =
  typeof Referkit === 'function'
    ? Referkit
    : function () {
        Referkit.q = Referkit.q || [];
        // biome-ignore lint/complexity/noArguments: the queue keeps each call exactly as made, for referkit.js to replay.
        Referkit.q.push(arguments);
      };

Referkit('init', {
  program: 'fernwood-friends',
  // The brand's API base: the receiver is at /api/referrals/events, code lookups at /api/codes/{code}.
  endpoint: '/api',
  // A real shop passes its consent banner's answer here; the demo has no trackers to consent to.
  consent: 'granted',
  // The program's offer (brand, currency, friendOffer, …), which the shop's server prints into the page
  // from the program it judges orders by. With it the banner paints at once, before the code lookup
  // answers; without it the banner waits for that answer, and shows nothing if it never comes.
  ...JSON.parse(document.getElementById('referkit-terms')?.textContent ?? '{}'),
});
