/**
 * The script build's JSX factory, injected wherever JSX is compiled: Preact's `createElement` is in the
 * bundle anyway (render needs it), so JSX goes through it rather than through `preact/jsx-runtime`'s
 * second vnode factory (~115 B brotli).
 */
export { createElement as h } from 'preact';
