/** The shop API's error answer: `{ error: { code, message, issues? } }`, the receiver's shape. */

/** An error body with its stable code, what to do, and the problems' paths where there are some. */
export const apiError = (code: string, message: string, issues?: unknown) => ({
  error: { code, message, ...(issues ? { issues } : {}) },
});
