// A storefront that bundles the SDK and the widget's ESM entry with Vite.
import { buildShareLink, createReferkit } from '@referkit/sdk';
import { defineElements, init } from '@referkit/widget';

const client = createReferkit({ program: 'spring-2026', endpoint: '/api', consent: 'granted' });
const referral = client.capture();
const link = buildShareLink({ base: `${location.origin}/shop`, code: 'ALEX-7HC2QK', channel: 'whatsapp' });

defineElements();
init({ program: 'spring-2026', endpoint: '/api', brand: 'Acme', client });

document.body.dataset.referral = referral?.code ?? '';
document.body.dataset.link = link.ok ? link.value : link.error.code;
