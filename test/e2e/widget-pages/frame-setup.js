// An embed's setup in a srcdoc frame: the endpoint a path, as on any page; the share links' base the
// site's, since the frame's own address (about:srcdoc) has no origin to default to.
window.Referkit =
  window.Referkit ||
  function () {
    // biome-ignore lint/complexity/noArguments: the documented snippet, verbatim.
    // biome-ignore lint/suspicious/noAssignInExpressions: the documented snippet, verbatim.
    (Referkit.q = Referkit.q || []).push(arguments);
  };
Referkit('init', {
  program: 'spring-2026',
  endpoint: '/api',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  base: new URL('/shop', document.baseURI).href,
});
