// A page that imports only the self-registering entry and drives it as the README shows, through the global
// it installs: `tsc` checks this file alone, so that no other entry's types declare the global for it.
import '@referkit/widget/register';

window.Referkit =
  typeof Referkit === 'function'
    ? Referkit
    : function () {
        // biome-ignore lint/suspicious/noAssignInExpressions: the README's queue snippet, as pages paste it.
        // biome-ignore lint/complexity/noArguments: the snippet queues every argument of each call.
        (Referkit.q = Referkit.q || []).push(arguments);
      };
Referkit('init', { program: 'spring-2026', endpoint: '/api', brand: 'Acme', consent: 'pending' });
window.Referkit('consent', 'granted');
export const loaded: boolean | undefined = window.Referkit.loaded;
