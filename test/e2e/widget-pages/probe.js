// Runs right after referkit.js (both deferred, so in order): was the banner painted synchronously?
const banner = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
window.bannerAtScriptEnd = Boolean(banner);
// Each shift with what moved, from where to where: a failing test then names the element, not only a score.
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    window.layoutShifts.push({
      value: entry.value,
      at: Math.round(entry.startTime),
      moved: entry.sources.map(({ node, previousRect: from, currentRect: to }) =>
        [node?.nodeName, node?.id, from.x, from.y, from.width, from.height, '→', to.x, to.y, to.width, to.height].join(
          ' ',
        ),
      ),
    });
}).observe({ type: 'layout-shift', buffered: true });
