/**
 * The script build's JSX runtime: Preact's `createElement` is in the bundle anyway (render needs it),
 * so JSX goes through it rather than through `preact/jsx-runtime`'s second vnode factory (~115 B brotli).
 * The props object is a fresh literal from the JSX transform, so setting its key in place is safe.
 */
import { createElement } from 'preact';

export { Fragment } from 'preact';

/** `jsx(type, props, key)` as the automatic transform calls it. */
export function jsx(type, props, key) {
  props.key = key;
  return createElement(type, props);
}

export { jsx as jsxs };
