/**
 * Runs `access`; `undefined` when it throws, and nothing in the host page's console: storage refused in
 * private modes, a global absent on a server (as a page's address is), text that is no URL or no JSON.
 */
export const quietly = <T>(access: () => T): T | undefined => {
  try {
    return access();
  } catch {}
};
