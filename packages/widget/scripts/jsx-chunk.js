/**
 * The JSX runtime of chunks that render: they borrow the loading script's `createElement` rather than
 * bundle a second Preact, whose vnode ids would collide with the first one's and whose size would be paid twice.
 */
let createElement;

/** Called by the loader with its own Preact's `createElement` before the chunk renders anything. */
export function provide(create) {
  createElement = create;
}

/** `jsx(type, props, key)` as the automatic transform calls it. */
export function jsx(type, props, key) {
  props.key = key;
  return createElement(type, props);
}

export { jsx as jsxs };
