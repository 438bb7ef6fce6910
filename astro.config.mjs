// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The deploy base can be changed without touching code: KB_BASE=/docs/kb/ npm run build
const base = process.env.KB_BASE ?? '/';

export default defineConfig({
  site: process.env.KB_SITE ?? 'https://kb.example.org',
  base,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx()],
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  prefetch: false,
});
