// `?open=ms`: the person follows the prerendered link that many milliseconds after this page loads.
const open = Number(new URLSearchParams(location.search).get('open'));
if (open) setTimeout(() => location.assign(document.querySelector('a').href), open);
