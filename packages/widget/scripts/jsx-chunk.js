/**
 * The JSX factory of chunks that render: they borrow the loading script's `createElement` rather than
 * bundle a second Preact, whose vnode ids would collide with the first one's and whose size would be paid twice.
 */
let createElement;

/** Called by the loader with its own Preact's `createElement` before the chunk renders anything. */
export function provide(create) {
  createElement = create;
}

/** `h(type, props, ...children)` as the classic JSX transform calls it. */
export const h = (...args) => createElement(...args);
