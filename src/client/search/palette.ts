// The search dialog (Ctrl+K, ⌘K or /): results as you type, keyboard navigation, filters by topic, source and type.
import type { SearchEngine } from '../../shared/query/engine.ts';
import { loadTexts } from '../../shared/query/engine.ts';
import { searchHits, toResult, type SearchFilters, type SearchResult } from '../../shared/query/search.ts';
import { entryTypeLabels } from '../../site/labels.ts';
import { h, marked, siteUrl } from './dom.ts';
import { browserEngine, indexLocation } from './load.ts';

interface Palette {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  ask: HTMLAnchorElement;
  filters: Record<keyof SearchFilters, HTMLSelectElement>;
  results: SearchResult[];
  active: number;
  engine?: SearchEngine;
  /** Number of the latest search, so a slower earlier one never overwrites it. */
  run: number;
}

let palette: Palette | undefined;

/** Starts loading the index ahead of use (on hover or focus of the search button). */
export function warm(host: HTMLElement): void {
  browserEngine(indexLocation(host)).catch(() => {});
}

/** Opens the search dialog (building it on first use) and focuses its field. */
export function openPalette(host: HTMLElement): void {
  palette ??= build(host);
  const { dialog, input } = palette;
  if (!dialog.open) dialog.showModal();
  input.focus();
  input.select();
}

function build(host: HTMLElement): Palette {
  const base = host.dataset.base ?? '/';
  const select = (name: string, label: string) => h('select', { name, 'aria-label': label }, h('option', { value: '' }, `All ${label.toLowerCase()}s`));
  const filters = { topics: select('topics', 'Topic'), source: select('source', 'Source'), type: select('type', 'Type') };
  const input = h('input', {
    type: 'search',
    id: 'kb-search-input',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'kb-search-results',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Search questions, limitations, fields…',
    maxlength: '500',
  });
  const status = h('p', { class: 'kb-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { id: 'kb-search-results', role: 'listbox', 'aria-label': 'Results' });
  const ask = h('a', { href: siteUrl(base, '/ask/') }, 'Ask it as a question');
  const close = h('button', { type: 'button', class: 'kb-close' }, h('span', { class: 'vh' }, 'Close search '), 'Esc');
  const form = h(
    'form',
    { role: 'search', method: 'dialog' },
    h('div', { class: 'kb-row' }, h('label', { for: 'kb-search-input', class: 'vh' }, 'Search the knowledge base'), input, close),
    h('div', { class: 'kb-filters' }, filters.topics, filters.source, filters.type),
  );
  const dialog = h(
    'dialog',
    { class: 'kb-palette', 'aria-label': 'Search' },
    form,
    status,
    list,
    h('p', { class: 'kb-hint' }, h('kbd', {}, '↑'), ' ', h('kbd', {}, '↓'), ' to move, ', h('kbd', {}, 'Enter'), ' to open, ', h('kbd', {}, 'Esc'), ' to close · ', ask),
  );
  document.body.append(dialog);
  const p: Palette = { dialog, input, list, status, ask, filters, results: [], active: -1, run: 0 };

  status.textContent = 'Loading the index…';
  browserEngine(indexLocation(host)).then(
    (engine) => {
      p.engine = engine;
      fillFilters(p, engine);
      void run(p, base);
    },
    () => (status.textContent = 'The search index could not be loaded. Try again when you are online.'),
  );
  input.addEventListener('input', () => void run(p, base));
  for (const f of Object.values(filters)) f.addEventListener('change', () => void run(p, base));
  input.addEventListener('keydown', (event) => onKey(p, event, base));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    openActive(p, base);
  });
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // Options are not links (a link inside an option would nest interactive controls): a click opens the option.
  list.addEventListener('click', (event) => {
    const li = (event.target as Element).closest('li');
    if (!li?.dataset.index) return;
    setActive(p, Number(li.dataset.index));
    openActive(p, base);
  });
  list.addEventListener('mousemove', (event) => {
    const li = (event.target as Element).closest('li');
    if (li?.dataset.index) setActive(p, Number(li.dataset.index));
  });
  return p;
}

function fillFilters(p: Palette, engine: SearchEngine): void {
  const add = (select: HTMLSelectElement, options: [string, string][]) => {
    for (const [value, label] of options) select.append(h('option', { value }, label));
  };
  add(p.filters.topics, engine.meta.topics.map((t) => [t.id, t.label]));
  add(p.filters.source, engine.meta.sources.map((s) => [s.id, s.title]));
  const types = [...new Set(engine.entries.map((e) => e.type))].sort();
  add(p.filters.type, types.map((t) => [t, entryTypeLabels[t as keyof typeof entryTypeLabels]?.one ?? t]));
}

async function run(p: Palette, base: string): Promise<void> {
  const engine = p.engine;
  if (!engine) return;
  const run = ++p.run;
  performance.mark('kb-search-start');
  const filters: SearchFilters = {};
  for (const [field, select] of Object.entries(p.filters)) if (select.value) filters[field as keyof SearchFilters] = select.value;
  const query = p.input.value;
  // A chunked index first fetches the few files this query needs (none when they are already here).
  if (engine.prepare) {
    await engine.prepare(query, { filters });
    if (run !== p.run) return;
  }
  // Results show at once (ranking needs no network); snippets follow when their entries' files arrive.
  const hits = searchHits(engine, query, { filters, limit: 8 });
  p.results = hits.map((h) => toResult(engine, h));
  // A chunked index has titles and links only once the results' files arrive (below): no empty list in between.
  if (p.results.every((r) => r.title)) render(p, base);
  p.ask.href = siteUrl(base, `/ask/${query.trim() ? `?q=${encodeURIComponent(query.trim())}` : ''}`);
  performance.measure('kb-search', 'kb-search-start');
  if (p.results.every((r) => r.snippet)) return;
  try {
    await loadTexts(engine, hits.map((h) => h.entry.n));
  } catch {
    if (run === p.run) p.status.textContent = 'Some results could not be loaded. Try again when you are online.';
    return;
  }
  if (run !== p.run) return;
  const active = p.active;
  p.results = hits.map((h) => toResult(engine, h));
  render(p, base);
  setActive(p, Math.min(active, p.results.length - 1));
}

function render(p: Palette, base: string): void {
  const engine = p.engine!;
  const items = p.results.map((r, i) => {
    const type = entryTypeLabels[r.type as keyof typeof entryTypeLabels]?.one ?? r.type;
    const topic = r.topics.map((t) => engine.topicLabels.get(t) ?? t).join(', ');
    const source = engine.sources.get(r.source)?.title ?? r.source;
    return h(
      'li',
      { role: 'option', id: `kb-r-${i}`, 'aria-selected': 'false', 'data-index': String(i) },
      h(
        'span',
        { class: 'kb-option', 'data-href': siteUrl(base, r.url) },
        h('span', { class: 'kb-title' }, marked(r.title, r.titleMarks)),
        h('span', { class: 'kb-meta' }, [type, topic, source].filter(Boolean).join(' · ')),
        h('span', { class: 'kb-snippet' }, r.outdated ? h('span', { class: 'badge b-old' }, 'Outdated') : null, r.outdated ? ' ' : null, marked(r.snippet, r.snippetMarks)),
      ),
    );
  });
  p.list.replaceChildren(...items);
  p.input.setAttribute('aria-expanded', String(items.length > 0));
  const hasQuery = p.input.value.trim() !== '' || Object.values(p.filters).some((f) => f.value);
  p.status.textContent = !hasQuery ? 'Type to search.' : items.length === 0 ? 'No results. Try other words, or ask it as a question.' : `${items.length} result${items.length === 1 ? '' : 's'}.`;
  setActive(p, items.length > 0 ? 0 : -1);
}

function setActive(p: Palette, index: number): void {
  const items = p.list.children;
  if (p.active >= 0 && items[p.active]) items[p.active].setAttribute('aria-selected', 'false');
  p.active = index;
  const item = items[index];
  if (item) {
    item.setAttribute('aria-selected', 'true');
    item.scrollIntoView({ block: 'nearest' });
    p.input.setAttribute('aria-activedescendant', item.id);
  } else p.input.removeAttribute('aria-activedescendant');
}

function onKey(p: Palette, event: KeyboardEvent, base: string): void {
  const count = p.results.length;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (count === 0) return;
    setActive(p, (p.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
  } else if (event.key === 'Home' && event.ctrlKey) setActive(p, 0);
  else if (event.key === 'End' && event.ctrlKey) setActive(p, count - 1);
  else if (event.key === 'Enter') {
    event.preventDefault();
    openActive(p, base);
  }
}

function openActive(p: Palette, base: string): void {
  const result = p.results[p.active];
  if (!result) return;
  p.dialog.close();
  location.assign(siteUrl(base, result.url));
}
