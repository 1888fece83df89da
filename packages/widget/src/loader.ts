/**
 * `window.Referkit`: replays the calls a page queued before the script loaded
 * (`window.Referkit = typeof Referkit === 'function' ? Referkit : function(){(Referkit.q=Referkit.q||[]).push(arguments)}`),
 * then runs later calls at once. A second copy of the script finds it installed and does nothing.
 */
import { currentSetup, init, renderAll, setConsent, type WidgetConfig } from './config.js';
import { misconfigured } from './log.js';

/** The global command function, as the queue snippet and this loader define it. */
export interface ReferkitCommand {
  (command: 'init', config: WidgetConfig): void;
  (command: 'consent', state: 'pending' | 'granted' | 'denied'): void;
  /** Calls queued by the snippet before the script loaded. */
  q?: ArrayLike<unknown>[];
  /** Set once the real function is installed. */
  loaded?: true;
}

declare global {
  /**
   * `Referkit(…)` and `window.Referkit(…)`, as the README calls them: defined by the queue snippet, then by the
   * script or `@referkit/widget/register`. Importing that entry or `@referkit/widget` declares it.
   */
  var Referkit: ReferkitCommand;
}

/**
 * A consent state set before any init: a consent manager may well answer before the page's own
 * script inits, and its answer is the visitor's, so the next init starts from it.
 */
let early: unknown;

function run(command: unknown, argument?: unknown) {
  if (command === 'init') {
    // init applies it to a client made before (the page's own, or one kept) as to a new one.
    if (init((early ? { ...(argument as WidgetConfig), consent: early } : argument) as WidgetConfig)) early = undefined;
  } else if (command === 'consent') {
    const setup = currentSetup();
    // The SDK reads a state that is not one with a line of its own, and keeps the one in force.
    if (setup) {
      setConsent(argument as 'pending' | 'granted' | 'denied');
      // A banner dismissed on an earlier page is hidden as soon as that can be read.
      renderAll();
    } else early = argument;
  } else
    misconfigured(
      // Named by its type unless it is text: JSON.stringify throws on a BigInt or a circular object.
      `run Referkit(${typeof command === 'string' ? JSON.stringify(command) : typeof command})`,
      'it is not a command',
      "Use 'init' or 'consent'.",
    );
}

/** Installs `window.Referkit` and replays its queue; returns false when a copy was already installed. */
export function installLoader(): boolean {
  const queued = window.Referkit;
  if (queued?.loaded) return false;
  const api = ((command: unknown, argument?: unknown) => run(command, argument)) as ReferkitCommand;
  api.loaded = true;
  window.Referkit = api;
  // A call that throws (a defect of ours) is thrown again on its own, after the replay: the calls after
  // it still run, and the elements, defined next, still render.
  for (const args of queued?.q ?? [])
    try {
      run(args[0], args[1]);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  return true;
}
