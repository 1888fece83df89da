/**
 * The entry of `referkit-progress.js`: the progress block, whose JSX goes through the `createElement`
 * that `referkit.js` provides when it loads the chunk (see jsx-chunk.js).
 */
export { ShareProgress } from '../src/share-progress.tsx';
export { provide } from './jsx-chunk.js';
