// <kb-ask>: the chat-style /ask/ page. Answers come from the same query module and index as `kb ask`.
// The conversation lives in the URL (?q=…&q=…, so it can be shared) and in sessionStorage (so it survives a reload).
import type { Answer, AskResult } from '../../shared/query/ask.ts';
import { closeAnswers } from '../../shared/query/close-answers.ts';
import type { SearchEngine } from '../../shared/query/engine.ts';
import { verdictLabels } from '../../site/labels.ts';
import { h, siteUrl } from './dom.ts';

// The query module and index load on first use (focus, a question in the URL), not with the page.
const engineModule = () => import('./ask-engine.ts');

const storageKey = 'kb-ask:questions';
const maxTurns = 20;

class KbAsk extends HTMLElement {
  private engine?: SearchEngine;
  private questions: string[] = [];
  private results: AskResult[] = [];
  private base = '/';
  private log!: HTMLOListElement;
  private live!: HTMLElement;
  private input!: HTMLInputElement;

  connectedCallback(): void {
    this.base = this.dataset.base ?? '/';
    const form = this.querySelector('form');
    const input = form?.querySelector('input');
    if (!form || !input) return;
    this.input = input;
    this.log = h('ol', { class: 'kb-log', 'aria-label': 'Conversation' });
    this.live = h('p', { class: 'vh', 'aria-live': 'polite', role: 'status' });
    const tools = h(
      'p',
      { class: 'kb-tools' },
      h('button', { type: 'button', 'data-action': 'copy' }, 'Copy link to this conversation'),
      ' ',
      h('button', { type: 'button', 'data-action': 'clear' }, 'New conversation'),
    );
    form.before(this.log, this.live);
    form.after(tools);
    tools.addEventListener('click', (event) => this.tool((event.target as Element).closest('button')?.dataset.action));
    const warm = () => void this.load();
    input.addEventListener('focus', warm, { once: true });
    input.addEventListener('pointerenter', warm, { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(input.value);
    });
    this.log.addEventListener('click', (event) => {
      const chip = (event.target as Element).closest<HTMLButtonElement>('button.kb-chip');
      if (chip?.dataset.question) void this.submit(chip.dataset.question);
    });
    void this.restore();
  }

  /** Replays the conversation from the URL, else from this tab's storage. */
  private async restore(): Promise<void> {
    const fromUrl = new URLSearchParams(location.search).getAll('q').filter((q) => q.trim());
    let saved: string[] = [];
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as string[];
    } catch {
      saved = [];
    }
    const questions = (fromUrl.length > 0 ? fromUrl : Array.isArray(saved) ? saved : []).slice(-maxTurns);
    if (questions.length === 0) return;
    const engine = await this.load();
    if (!engine) return;
    for (const q of questions) await this.answer(engine, q);
    this.save();
  }

  private async load(): Promise<SearchEngine | undefined> {
    if (this.engine) return this.engine;
    try {
      const { browserEngine, indexLocation } = await engineModule();
      this.engine = await browserEngine(indexLocation(this));
      return this.engine;
    } catch {
      this.live.textContent = 'The knowledge base could not be loaded. Try again when you are online.';
      return undefined;
    }
  }

  private async submit(raw: string): Promise<void> {
    const question = raw.trim();
    if (!question) return;
    if (!this.engine) this.live.textContent = 'Loading the knowledge base…';
    const engine = await this.load();
    if (!engine) return;
    let result: AskResult;
    try {
      result = await this.answer(engine, question);
    } catch {
      this.live.textContent = 'The answer could not be loaded. Try again when you are online.';
      return;
    }
    this.input.value = '';
    this.save();
    const top = result.answers[0];
    this.live.textContent = result.abstained
      ? 'No answer found in the knowledge base.'
      : `Answer${top.verdict ? `: ${verdictLabels[top.verdict].label}` : ''}. ${top.title}`;
    this.log.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  private async answer(engine: SearchEngine, question: string): Promise<AskResult> {
    const last = this.results[this.results.length - 1];
    const { ask } = await engineModule();
    const result = await ask(engine, question, { previous: last ? (last.interpretedAs ?? last.question) : undefined });
    this.questions.push(question);
    this.results.push(result);
    this.log.append(turn(result, this.base));
    return result;
  }

  private save(): void {
    const params = new URLSearchParams();
    for (const q of this.questions.slice(-maxTurns)) params.append('q', q);
    history.replaceState(null, '', this.questions.length ? `?${params}` : location.pathname);
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(this.questions.slice(-maxTurns)));
    } catch {
      // Storage can be full or disabled; the URL still holds the conversation.
    }
  }

  private tool(action: string | undefined): void {
    if (action === 'clear') {
      this.questions = [];
      this.results = [];
      this.log.replaceChildren();
      this.save();
      this.live.textContent = 'Started a new conversation.';
      this.input.focus();
    } else if (action === 'copy') {
      navigator.clipboard?.writeText(location.href).then(
        () => (this.live.textContent = 'Link copied.'),
        () => (this.live.textContent = `Copy this link: ${location.href}`),
      );
    }
  }
}

/** One question and its answer card, or an honest abstention. */
function turn(result: AskResult, base: string): HTMLLIElement {
  const li = h('li', { class: 'kb-turn' }, h('p', { class: 'kb-q' }, h('span', { class: 'vh' }, 'You asked: '), result.question));
  if (result.interpretedAs) li.append(h('p', { class: 'kb-read-as' }, 'Read as a follow-up: ', h('q', {}, result.interpretedAs)));
  if (result.abstained) {
    const topics = result.nearestTopics.map((t) => h('li', {}, h('a', { href: siteUrl(base, t.url) }, t.label)));
    const entries = result.nearestEntries.map((e) => h('li', {}, h('a', { href: siteUrl(base, e.url) }, e.title)));
    li.append(
      h(
        'div',
        { class: 'kb-answer kb-none' },
        h('p', {}, h('strong', {}, 'No answer found.'), ' The knowledge base does not say anything that answers this question, so nothing is shown rather than a guess.'),
        entries.length ? h('p', {}, 'The nearest entries, which may not answer it:') : null,
        entries.length ? h('ul', { class: 'kb-nearest' }, ...entries) : null,
        topics.length ? h('p', {}, 'The nearest topics:') : null,
        topics.length ? h('ul', {}, ...topics) : null,
        h('p', {}, 'Try other words, or browse ', h('a', { href: siteUrl(base, '/') }, 'all topics'), '.'),
      ),
    );
    return li;
  }
  const [top] = result.answers;
  const close = closeAnswers(result);
  const others = result.answers.slice(1).filter((a) => !close.includes(a));
  const item = (a: Answer) => h('li', {}, h('a', { href: siteUrl(base, a.url) }, a.title), a.verdict ? ` — ${verdictLabels[a.verdict].label}` : '');
  li.append(card(top, base, new Set(close.map((a) => a.id))));
  // Runners-up that match almost as well are shown openly: the question may be theirs (see `closeMatch`).
  if (close.length) li.append(h('div', { class: 'kb-close' }, h('p', {}, 'Not sure this is it? ', close.length === 1 ? 'This matches' : 'These match', ' almost as well:'), h('ul', {}, ...close.map(item))));
  if (others.length) {
    li.append(h('details', { class: 'kb-more' }, h('summary', {}, `${others.length} more possible answer${others.length === 1 ? '' : 's'}`), h('ul', {}, ...others.map(item))));
  }
  return li;
}

/** The answer card; related questions already shown as close matches (`shown`) are not offered again as chips. */
function card(a: Answer, base: string, shown: ReadonlySet<string>): HTMLElement {
  const current = a.statements.filter((s) => s.status !== 'outdated');
  const cited = new Set(a.sources.map((c) => c.statement));
  const body = h('p', { class: 'kb-text' });
  current.forEach((s, i) => {
    if (i > 0) body.append(' ');
    body.append(cited.has(s.id) ? h('mark', {}, s.text) : s.text);
  });
  const verdict = a.verdict ? verdictLabels[a.verdict] : null;
  const sources = a.sources.map((c) =>
    h('li', {}, h('a', { href: siteUrl(base, c.href) }, h('q', {}, c.quote)), ' — ', h('a', { href: c.url, rel: 'external' }, c.title)),
  );
  const outdated = a.outdated.map((o) =>
    h('li', {}, h('a', { href: siteUrl(base, o.href) }, h('q', {}, o.text)), ` — ${o.sourceTitle}${o.asOf ? `, ${o.asOf}` : ''}`),
  );
  const chips = a.related.filter((r) => !shown.has(r.id)).map((r) => h('button', { type: 'button', class: 'kb-chip', 'data-question': r.title }, r.title));
  return h(
    'article',
    { class: 'kb-answer' },
    verdict ? h('p', { class: `kb-verdict badge v-${a.verdict}` }, h('span', { 'aria-hidden': 'true' }, verdict.symbol), ` ${verdict.label}`) : null,
    h('h2', { class: 'kb-answer-title' }, h('a', { href: siteUrl(base, a.url) }, a.title)),
    body,
    outdated.length ? h('div', { class: 'kb-outdated', role: 'note' }, h('p', {}, h('strong', {}, 'Outdated: '), 'older sources said otherwise. These statements were replaced:'), h('ul', {}, ...outdated)) : null,
    h('div', { class: 'kb-sources' }, h('p', {}, h('strong', {}, 'Sources')), h('ul', {}, ...sources)),
    a.wizard ? h('p', { class: 'kb-wizard' }, h('a', { href: siteUrl(base, a.wizard) }, 'Check your case step by step in the wizard')) : null,
    chips.length ? h('div', { class: 'kb-chips' }, h('p', {}, 'Related questions:'), ...chips) : null,
  );
}

if (!customElements.get('kb-ask')) customElements.define('kb-ask', KbAsk);
