// A page that imports the main entry and still calls the global the README shows: `tsc` checks this file alone.
import { defineElements } from '@referkit/widget';

defineElements();
Referkit('consent', 'granted');
window.Referkit('init', { program: 'spring-2026', endpoint: '/api', brand: 'Acme' });
