// Runs right after referkit.js (both deferred, so in order): was the banner painted synchronously?
const banner = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
window.bannerAtScriptEnd = Boolean(banner);
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.layoutShift += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
