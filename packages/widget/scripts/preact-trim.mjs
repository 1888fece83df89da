/**
 * The Preact features referkit.js never uses, cut from its bundled copy of Preact: an esbuild plugin
 * shared by the build (`build.mjs`) and the size breakdown (`size-breakdown.mjs`).
 */
import { readFile } from 'node:fs/promises';

/**
 * Preact features referkit.js never uses, cut from the bundled copy of Preact (−770 B brotli, then
 * −362 B more with portals, hydration's leftovers and the element diff's special cases, and −61 B
 * with the component calls none makes). The script carries its own Preact that only its own
 * components and the progress chunk (through its createElement) drive, and none of them hydrate,
 * suspend, render into a portal, set `dangerouslySetInnerHTML` or a string `style`, render MathML,
 * SVG's `xlink:` or `className`, `<template>` or `<progress>`, read context, pass a callback ref,
 * define a legacy lifecycle or `getDerivedStateFrom*`, call setState with a function or forceUpdate
 * with a callback, and no code sets an option hook (there is no preact/debug or preact/hooks in it).
 * Each cut names the exact minified text it replaces: a Preact release that changes it fails the
 * build here, not in a browser. The ESM entries keep the page's own Preact untouched.
 */
export const preactCuts = [
  // Option hooks: `options` is never written in this bundle.
  ['return!o&&n.vnode&&n.vnode(e),e}', 'return e}'],
  [',n.vnode&&n.vnode(r),', ','],
  ['(s=n.__b)&&s(r);n:', '0;n:'],
  ['return(s=n.diffed)&&s(r),l}', 'return l}'],
  ['n.__c&&n.__c(r,t),', ''],
  ['n.unmount&&n.unmount(t),', ''],
  ['n.__&&n.__(t,r),', ''],
  ['l&&(n.__m&&n.__m(r,o),l=!1)', 'l&&(l=!1)'],
  ['u(n.event?n.event(r):r)', 'u(r)'],
  ['&&i==n.debounceRendering||((i=n.debounceRendering)||queueMicrotask)(H)', '||queueMicrotask(H)'],
  ['finally{(f=u.length)&&(i||queueMicrotask)(H)}', 'finally{(f=u.length)&&queueMicrotask(H)}'],
  // Suspense and hydration: nothing hydrates or throws a promise; the shadow roots start empty.
  ['128&u.__u&&(c=32&u.__u,s=u.__c.__z)&&(r.__u|=c,p=o=[],8==s.nodeType?l=B(s,o):o.push(s),l=o[0]||l),', ''],
  [
    'if(e.length=v,r.__v=null,c||o)if(t&&t.then){if(r.__u|=128|c,o){for(~(T=o.indexOf(l||void 0))||(T=o.length);(N=o[T-1])&&8==N.nodeType;)T--;for(;T<o.length;T++)if(N=o[T])if(o[T]=null,O){if(N==P)break}else{if(8!=N.nodeType)break;N.data.startsWith("$s")&&(P=B(O=N))}}if(!O){for(;l&&8==l.nodeType&&l.nextSibling;)l=l.nextSibling;O=l}(s=B(O=r.__c.__z||(r.__c.__z=O)))?(r.__e=O,l=s):r.__e=l,l=l&&l.nextSibling}else o&&o.some(g);else r.__e=u.__e;',
    'e.length=v,r.__v=null,r.__e=u.__e;',
  ],
  ['!u&&(i=t.__c)&&(i=i.__z)&&(f=B(i,o=[]))&&(i==t.__e&&o.some(g),g(f),g(i)),', ''],
  // Lifecycles no component here defines, and context, which none reads.
  ['M!==k&&C&&!V.getDerivedStateFromProps&&d.componentWillReceiveProps&&d.componentWillReceiveProps(M,L),', ''],
  ['||!(4&d.__g)&&d.shouldComponentUpdate&&!1===d.shouldComponentUpdate(M,d.__s,L)', ''],
  ['d.componentWillUpdate&&d.componentWillUpdate(M,d.__s,L),', ''],
  ['else C&&!V.getDerivedStateFromProps&&d.componentWillMount&&d.componentWillMount(),', 'else '],
  [
    'C&&(d.__s||(d.__s=d.state),V.getDerivedStateFromProps&&(d.__s==d.state&&(d.__s=_({},d.__s)),_(d.__s,V.getDerivedStateFromProps(M,d.__s))))',
    'C&&(d.__s||(d.__s=d.state))',
  ],
  ['d.getChildContext&&(i=_({},i,d.getChildContext())),', ''],
  ['C&&u.__c&&d.getSnapshotBeforeUpdate&&(m=d.getSnapshotBeforeUpdate(k,b)),', ''],
  ['(e=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(n)),', ''],
  ['j=(s=V.contextType)&&i[s.__c],L=s?j?j.props.value:s.__:i', 'L=i'],
  ['j&&j.sub(d),', ''],
  // Refs: the components here hold only `createRef()` objects, never a callback ref.
  [
    '"function"==typeof t?r?r.__x=t(r)||1:i&&(i=i.__c||i.__e)&&(r=i.__x)&&(i.__x=null,"function"==typeof r?r():t(null)):t.current=r',
    't.current=r',
  ],
  // Markup Preact would otherwise also handle: innerHTML, MathML, a `style` given as a string (the
  // progress bar's `style` object, a custom property set through the CSSOM, stays).
  ['"dangerouslySetInnerHTML"==s?y=k:"children"==s', '"children"==s'],
  ['"children"==s?_=k:"dangerouslySetInnerHTML"==s?h=k:"value"==s', '"children"==s?_=k:"value"==s'],
  [
    'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):(y&&(t.textContent=""),(',
    '((',
  ],
  ['"math"==C?f="http://www.w3.org/1998/Math/MathML":', ''],
  ['("foreignObject"==C||"http://www.w3.org/1998/Math/MathML"==f&&v.test(C))&&', '"foreignObject"==C&&'],
  [
    'if("style"==t)if("string"==typeof r)n.style.cssText=r;else{if("string"==typeof u&&(n.style.cssText=u=""),u)',
    'if("style"==t){if(u)',
  ],
  // The render hook is an option hook too.
  ['H=n.__r,q=C?25:0;do{d.__g&=-9,H&&H(r),s=', 'q=C?25:0;do{d.__g&=-9,s='],
  // Portals: no component here renders into another container (`createPortal`, a `_parentDom` prop).
  [
    'M.__P&&(s=l,f=(t=M.__P).namespaceURI,c=o=null,u.props&&u.props.__P!=t&&(u.__k.some(function(n){n&&J(n,n)}),u.__k=null),l=u.__k?S(u,0):null),',
    '',
  ],
  ['M.__P&&(r.__e=null,l=s),', ''],
  ['"function"!=typeof n.type||n.props.__P?null:S(n)', '"function"!=typeof n.type?null:S(n)'],
  ['if((n=n.__)&&n.__c&&!n.props.__P)', 'if((n=n.__)&&n.__c)'],
  ['if(n.props.__P)return t;', ''],
  ['"function"!=typeof t.type||u&&!t.props.__P', '"function"!=typeof t.type||u'],
  // What hydration left after the cuts above: `isHydrating` is never set (render and a component's
  // rerender pass 0), so the element diff's hydrating branches go, and nothing but Preact writes into
  // the shadow roots, so there are no comment nodes (a server's `$s` markers) to step over.
  ['i=(u=t&&32&t.__u)?null:r.__k', 'i=r.__k'],
  [',f,i?i.__e:r.firstChild,u,o)', ',f,i?i.__e:r.firstChild,0,o)'],
  ['32&u.__u?[i]:null,f,i||S(u),32&u.__u,o)', 'null,f,i||S(u),0,o)'],
  ['0;n:', 'n:'],
  ['p&&p.some(g),', ''],
  ['l&&(l=!1),', ''],
  ['!l&&o)for', 'o)for'],
  ['l&&"function"!=typeof k||$[s]===k', '$[s]===k'],
  ['l&&"textarea"!=C||(', '('],
  ['$===x||l&&t.data==x||(t.data=x)', '$===x||(t.data=x)'],
  [
    'for(t&&!t.parentNode&&(t=S(n))&&!t.parentNode&&(t=null),o=n.__e,e=t;e&&8==e.nodeType;)e=e.nextSibling;for(o!=e&&(!u&&r.moveBefore&&o.parentNode?r.moveBefore(o,t):r.insertBefore(o,t||null)),t=o;(t=t&&t.nextSibling)&&8==t.nodeType&&!t.data.startsWith("$s"););return t',
    'return t&&!t.parentNode&&(t=S(n))&&!t.parentNode&&(t=null),(o=n.__e)!=t&&(!u&&r.moveBefore&&o.parentNode?r.moveBefore(o,t):r.insertBefore(o,t||null)),o.nextSibling',
  ],
  // Elements and props the components here never render, which Preact's element diff handles apart:
  // `<template>`, `<progress>`, `foreignObject`, a customized built-in (`is`), SVG's `xlink:href` and
  // `className`, `checked`, `defaultValue`, and the DOM properties set as attributes though an element has
  // them (`list`, `form`, `download`, `popover`, …). `href` and `role`, which they do set, stay attributes.
  [
    'a="template"==C&&t.content||t,o="textarea"==C&&null!=x.defaultValue?null:o&&d.call(a.childNodes)',
    'a=t,o=o&&d.call(a.childNodes)',
  ],
  ['M.createElementNS(f,C,x.is?x:a)', 'M.createElementNS(f,C)'],
  [
    '"children"==s||s in x||"value"==s&&"defaultValue"in x||"checked"==s&&"defaultChecked"in x||N(',
    '"children"==s||s in x||N(',
  ],
  ['"value"==s?b=k:"checked"==s?m=k:', '"value"==s?b=k:'],
  ['("foreignObject"==C&&(f="http://www.w3.org/1999/xhtml"),I(', '(I('],
  [
    's="value","progress"==C&&null==b?t.removeAttribute(s):null==b||b===t[s]&&("progress"!=C||b)||N(t,s,b,$[s],f),s="checked",null!=m&&m!=t[s]&&N(t,s,m,$[s],f)',
    'null==b||b===t.value||N(t,"value",b,$.value,f)',
  ],
  [
    'if("http://www.w3.org/2000/svg"==i)t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if("width"!=t&&"height"!=t&&"href"!=t&&"list"!=t&&"form"!=t&&"tabIndex"!=t&&"download"!=t&&"rowSpan"!=t&&"colSpan"!=t&&"role"!=t&&"popover"!=t&&t in n)',
    'if("http://www.w3.org/2000/svg"!=i&&"href"!=t&&"role"!=t&&t in n)',
  ],
  ['n.setAttribute(t,"popover"==t&&1==r?"":r)', 'n.setAttribute(t,r)'],
  // Every component here is a function or defines its own `render`.
  ['x.prototype.render=$,', ''],
  // Component calls no component here makes: setState with an updater function, forceUpdate with a
  // callback; and, with no hooks, a function component never sets its own state while it renders, which
  // Preact renders it again for (up to 25 times).
  ['"function"==typeof n&&(n=n(_({},r),this.props)),', ''],
  [
    'x.prototype.forceUpdate=function(n){this.__v&&(this.__g|=4,n&&this.__h.push(n),L(this))}',
    'x.prototype.forceUpdate=function(){this.__v&&(this.__g|=4,L(this))}',
  ],
  [
    'q=C?25:0;do{d.__g&=-9,s=d.render(d.props,d.state=d.__s,d.context)}while(8&d.__g&&++q<25);',
    'd.__g&=-9,s=d.render(d.props,d.state=d.__s,d.context);',
  ],
];

/** Applies `preactCuts` to the script's copy of Preact. */
export const preactTrim = {
  name: 'referkit-preact-trim',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      for (const [from, to] of preactCuts) {
        if (contents.split(from).length !== 2) throw new Error(`preact-trim: expected "${from}" once in ${path}`);
        contents = contents.replace(from, () => to);
      }
      return { contents, loader: 'js' };
    });
  },
};
