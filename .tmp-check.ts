import { createStaticServer } from './scripts/serve.ts';
import { launchBrowser, openPage, runAxe } from './tests/e2e/browser.ts';
const s = await createStaticServer('/tmp/kb-fake-dist', '/kb/');
const b = await launchBrowser();
const n = await openPage(b, 'entries/first/', { baseUrl: s.url, javaScriptEnabled: false });
console.log('nojs', n.response?.status(), await runAxe(n.page), n.problems);
const r = await openPage(b, 'entries/first', { baseUrl: s.url });
console.log('redirected to', r.page.url(), r.response?.status(), r.problems);
await b.close(); await s.close();
