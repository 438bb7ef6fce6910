// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';

// The deploy base can be changed without touching code: KB_BASE=/docs/kb/ npm run build
const base = process.env.KB_BASE ?? '/';

export default defineConfig({
  site: process.env.KB_SITE ?? 'https://kb.example.org',
  base,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })],
  markdown: {
    // Code blocks stay plain <pre><code class="language-x">: highlighters add inline style attributes, which the CSP forbids.
    syntaxHighlight: false,
    // Source text is quoted verbatim: smart punctuation would turn CLI flags such as --name into en dashes.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  // A CSP <meta> on every page: Astro hashes its own scripts and styles; no 'unsafe-inline' anywhere.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  prefetch: false,
});
