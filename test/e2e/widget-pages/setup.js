// The page's own setup, as a storefront writes it: record CSP violations, queue the init before
// referkit.js loads (the documented snippet), with the program's display terms.

// What the page reported: an uncaught error or rejection, or a console line. The WebKit tests read it
// back after each test (WebDriver hands them no console); the Chromium ones listen to the console.
window.pageProblems = [];
addEventListener('error', (event) => window.pageProblems.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) => window.pageProblems.push(`unhandled rejection: ${event.reason}`));
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  const write = console[level];
  console[level] = (...parts) => {
    window.pageProblems.push(`console.${level}: ${parts.join(' ')}`);
    write.apply(console, parts);
  };
}
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
window.widgetEvents = [];
for (const type of ['referkit:share', 'referkit:copy', 'referkit:capture']) {
  document.addEventListener(type, (event) =>
    window.widgetEvents.push({ type, detail: event.detail, composed: event.composed }),
  );
}
window.Referkit =
  typeof Referkit === 'function'
    ? Referkit
    : function () {
        // biome-ignore lint/complexity/noArguments: the documented snippet, verbatim, as storefronts paste it.
        // biome-ignore lint/suspicious/noAssignInExpressions: the documented snippet, verbatim.
        (Referkit.q = Referkit.q || []).push(arguments);
      };
Referkit('init', {
  program: 'spring-2026',
  endpoint: '/api',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  firstOrderOnly: true,
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  disclosure: { text: 'I get $10 credit if you order with my link.', required: true },
  // Read against the base URL, not the address: in a srcdoc frame (frame.html) the address is about:srcdoc.
  // The tests' knob for another base, a long one (`?base=/shop/…`).
  base: new URL(new URLSearchParams(location.search).get('base') ?? '/shop', document.baseURI).href,
  // The tests' knob for a visitor who has not answered the cookie banner yet (`?consent=pending`).
  consent: new URLSearchParams(location.search).get('consent') ?? undefined,
});
