/**
 * Every string a value keeps, however deep: in its objects, arrays, maps and sets, and in the variables
 * its functions close over. A store in memory keeps its state in the closure of the function that made
 * it, out of reach of JavaScript; V8's inspector lists a function's scopes (`[[Scopes]]`), so a test can
 * search what the store holds without a hook in the store for it.
 */
import { Session } from 'node:inspector';

const GROUP = 'reachable-strings';
let session: Session | null = null;

/** Sends an inspector command; a session on the current thread answers before `post` returns. */
function post<T>(method: string, params: object): T {
  session ??= connected();
  let answer: { error: Error | null; result: T } | null = null;
  session.post(method, params, (error, result) => {
    answer = { error, result: result as T };
  });
  const { error, result } = answer as unknown as { error: Error | null; result: T };
  if (error) throw error;
  return result;
}

function connected(): Session {
  const opened = new Session();
  opened.connect();
  return opened;
}

interface RemoteObject {
  type: string;
  value?: unknown;
  objectId?: string;
  description?: string;
}
interface PropertyDescriptor {
  name: string;
  value?: RemoteObject;
}

const pinned = globalThis as { __reachableStrings?: unknown };

/** The remote handle of a value of this thread. */
function remote(value: object): string {
  pinned.__reachableStrings = value;
  const { result } = post<{ result: RemoteObject }>('Runtime.evaluate', {
    expression: 'globalThis.__reachableStrings',
    objectGroup: GROUP,
  });
  return result.objectId as string;
}

/** The value behind a remote handle, as this thread's own. */
function local(objectId: string): unknown {
  post('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: 'function () { globalThis.__reachableStrings = this; }',
    objectGroup: GROUP,
  });
  return pinned.__reachableStrings;
}

function properties(objectId: string) {
  return post<{ result: PropertyDescriptor[]; internalProperties?: PropertyDescriptor[] }>('Runtime.getProperties', {
    objectId,
    ownProperties: true,
    objectGroup: GROUP,
  });
}

/** The values of the variables `fn` closes over: its closure and block scopes, not the module's or the global one. */
function closedOver(fn: object): unknown[] {
  const scopes = properties(remote(fn)).internalProperties?.find((property) => property.name === '[[Scopes]]');
  if (!scopes?.value?.objectId) return [];
  const values: unknown[] = [];
  for (const scope of properties(scopes.value.objectId).result) {
    const kind = scope.value?.description ?? '';
    if (!scope.value?.objectId || !(kind.startsWith('Closure') || kind.startsWith('Block'))) continue;
    for (const variable of properties(scope.value.objectId).result) {
      const held = variable.value;
      if (!held) continue;
      if (held.objectId) values.push(local(held.objectId));
      else values.push(held.value);
    }
  }
  return values;
}

/** Every string reachable from `root`, each once. */
export function reachableStrings(root: unknown): string[] {
  const strings = new Set<string>();
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  try {
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value === 'string') strings.add(value);
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
      seen.add(value);
      if (value instanceof Map) for (const [key, entry] of value) pending.push(key, entry);
      else if (value instanceof Set) for (const entry of value) pending.push(entry);
      // Own data properties, private fields of a class included (TypeScript's `private` is a compile-time word).
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (descriptor && 'value' in descriptor) pending.push(descriptor.value);
      }
      if (typeof value === 'function') pending.push(...closedOver(value));
    }
  } finally {
    pinned.__reachableStrings = undefined;
    post('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  }
  return [...strings];
}
