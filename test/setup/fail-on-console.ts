/** Unexpected console output fails the test: the SDK and widget promise a quiet console. */
import { afterEach, beforeEach, vi } from 'vitest';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let spies: ReturnType<typeof vi.spyOn>[] = [];

// Before each test, not once a file: a file that restores its mocks after each test (`vi.restoreAllMocks()`)
// took these spies away with its own, and every test after its first could write to the console unseen.
beforeEach(() => {
  spies = methods.map((method) => vi.spyOn(console, method));
});

afterEach((context) => {
  const calls = spies.flatMap((spy, index) =>
    spy.mock.calls.map((args: unknown[]) => `console.${methods[index]}: ${args.join(' ')}`),
  );
  for (const spy of spies) spy.mockClear();
  // A test that expects console output asserts on it and clears the spy itself.
  if (calls.length > 0 && context.task.result?.state !== 'fail') {
    throw new Error(`Unexpected console output:\n${calls.join('\n')}`);
  }
});
