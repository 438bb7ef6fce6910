/** A block recovered from a plain-text extraction, before it becomes mdast. */
export type TextBlock =
  | { type: 'title' | 'heading'; text: string; line: number; endLine: number }
  | { type: 'paragraph'; text: string; line: number; endLine: number }
  | { type: 'item'; ordered: boolean; depth: number; text: string; line: number; endLine: number }
  | { type: 'field'; term: string; text: string; line: number; endLine: number }
  | { type: 'code'; lang: string; value: string; line: number; endLine: number }
  | { type: 'label'; label: string; line: number; endLine: number }
  | { type: 'break'; line: number; endLine: number };

interface Line {
  raw: string;
  text: string;
  indent: number;
  line: number;
}

const bulletRe = /^([•◦▪‣●○*-])\s+(.*)$/u;
const orderedRe = /^(\d{1,3})[.)]\s+(.*)$/;
const labelRe = /^(Note|Important|Tip|Warning|Caution)\s*:?\s*$/;
const inlineLabelRe = /^(Note|Important|Tip|Warning|Caution):\s+(\S.*)$/;
const fieldRe = /^([a-z][\w.[\]*]*(?:\s+and\s+[a-z][\w.[\]*]*)?)\s+-(?:\s+(.*))?$/;
const identifierRe = /^[a-z][\w.[\]*]*$/;
const terminalRe = /[.!?:;]["')\]]*$/;
const joinerWords = new Set(['a', 'an', 'the', 'of', 'or', 'and', 'to', 'in', 'is', 'are', 'with', 'for', 'by', 'as', 'on', 'from', 'that', 'which', 'see', 'can', 'be', 'if', 'when', 'this', 'your', 'its', 'their', 'but', 'than', 'into', 'at', 'not', 'use']);

/**
 * Recovers block structure from a plain-text extraction of a web page. Two layouts occur: paragraphs separated
 * by blank lines, and hard-wrapped text with no blank lines at all; the second needs line-joining rules.
 */
export function textToBlocks(body: string, firstLine: number, codeLanguages: Record<string, string>): TextBlock[] {
  const lines: Line[] = body.split('\n').map((raw, i) => ({
    raw,
    text: raw.trim(),
    indent: raw.length - raw.trimStart().length,
    line: firstLine + i,
  }));
  const nonBlank = lines.filter((l) => l.text !== '').length;
  const blank = lines.length - nonBlank;
  const wrapped = nonBlank > 20 && blank / lines.length < 0.05;
  const codeLang = (text: string): string | undefined => {
    for (const [prefix, lang] of Object.entries(codeLanguages)) if (text.startsWith(prefix)) return lang;
    if (/^["{[]/.test(text) && /":/.test(text)) return 'json';
    return undefined;
  };
  const blocks: TextBlock[] = [];
  let titleDone = false;
  let listContext = false;
  let fieldContext = false;
  let blankRun = 0;
  let i = 0;
  const at = (k: number) => lines[k];
  const isBlank = (k: number) => k >= lines.length || lines[k].text === '';

  const startsSpecial = (k: number) => {
    const t = at(k).text;
    return bulletRe.test(t) || orderedRe.test(t) || labelRe.test(t) || codeLang(t) !== undefined || fieldRe.test(t);
  };
  /** In hard-wrapped text, does line k+1 continue line k? */
  const continues = (k: number): boolean => {
    if (isBlank(k + 1)) return false;
    const cur = at(k).text;
    const next = at(k + 1).text;
    if (startsSpecial(k + 1) || (fieldContext && identifierRe.test(next))) return false;
    if (/^[a-z(]/.test(next)) return true;
    if (/[,(]$/.test(cur)) return true;
    if (terminalRe.test(cur) || /\]$/.test(cur)) return false;
    if (headingShape(next) && /^\p{Lu}/u.test(at(k + 2)?.text ?? '') && !/^\p{Lu}/u.test(cur.split(/\s+/).pop() ?? '')) return false;
    const last = cur.split(/\s+/).pop()!.toLowerCase().replace(/^\W+/, '');
    if (joinerWords.has(last)) return true;
    if (listContext) return false;
    // An unpunctuated line that cannot be a heading, or a lone word after one, is a wrapped sentence.
    return !headingShape(cur) || !/\s/.test(next);
  };
  const headingShape = (text: string) => {
    if (text.length > 80 || text.split(/\s+/).length > 10) return false;
    if (!/^[\p{Lu}\d]/u.test(text) || /[.,;:!(]$/.test(text)) return false;
    // Headings are noun phrases; a finite verb means a sentence that lost its full stop.
    if (wrapped && /\s(is|are|was|were|does|do|can|cannot|will|must|should|has|have)\s/i.test(` ${text} `)) return false;
    const colon = /:(\s*)(\S)/.exec(text);
    return !colon || (colon[1] !== '' && /\p{Lu}/u.test(colon[2]));
  };

  while (i < lines.length) {
    const l = at(i);
    if (l.text === '') {
      blankRun++;
      i++;
      if (!wrapped) listContext = false;
      continue;
    }
    if (blankRun >= 2 && titleDone && blocks.length > 0) blocks.push({ type: 'break', line: l.line, endLine: l.line });
    blankRun = 0;
    const start = i;
    const text = l.text;
    let m: RegExpExecArray | null;
    const lang = codeLang(text);
    if (lang && titleDone) {
      const code = [l.raw.trimEnd()];
      i++;
      // A command continues over `\` line ends and indented lines; in blank-separated text, up to the blank line.
      while (!isBlank(i) && (code[code.length - 1].endsWith('\\') || at(i).indent > 0 || (!wrapped && !bulletRe.test(at(i).text)))) {
        code.push(at(i).raw.trimEnd());
        i++;
      }
      const minIndent = Math.min(...code.map((c) => c.length - c.trimStart().length));
      listContext = false;
      blocks.push({ type: 'code', lang, value: code.map((c) => c.slice(minIndent)).join('\n'), line: l.line, endLine: at(i - 1).line });
      continue;
    }
    if ((m = labelRe.exec(text))) {
      blocks.push({ type: 'label', label: m[1], line: l.line, endLine: l.line });
      i++;
      continue;
    }
    if ((m = bulletRe.exec(text)) || (m = orderedRe.exec(text))) {
      const ordered = orderedRe.test(text);
      const parts = [ordered ? orderedRe.exec(text)![2] : m[2]];
      i++;
      while (!isBlank(i) && !startsSpecial(i) && (at(i).indent > l.indent || (wrapped ? continues(i - 1) : /^[a-z]/.test(at(i).text)))) {
        parts.push(at(i).text);
        i++;
      }
      blocks.push({ type: 'item', ordered, depth: l.indent, text: parts.join(' '), line: l.line, endLine: at(i - 1).line });
      continue;
    }
    if ((m = fieldRe.exec(text)) || (fieldContext && identifierRe.test(text) && /^\p{Lu}/u.test(at(i + 1)?.text ?? '') && !fieldRe.test(at(i + 1).text))) {
      fieldContext = true;
      listContext = false;
      const term = m ? m[1] : text;
      const parts = m?.[2] ? [m[2]] : [];
      i++;
      while (!isBlank(i) && !startsSpecial(i) && !(identifierRe.test(at(i).text) && /^\p{Lu}/u.test(at(i + 1)?.text ?? '')) && !(headingShape(at(i).text) && isHeadingAt(i))) {
        parts.push(at(i).text);
        i++;
      }
      blocks.push({ type: 'field', term, text: parts.join(' '), line: l.line, endLine: at(i - 1).line });
      continue;
    }
    if ((m = inlineLabelRe.exec(text))) {
      blocks.push({ type: 'label', label: m[1], line: l.line, endLine: l.line });
    }
    // A paragraph: in blank-separated text, every line up to the blank; in wrapped text, while lines continue.
    const parts = [m ? m[2] : text];
    i++;
    if (wrapped) {
      while (i < lines.length && continues(i - 1)) parts.push(at(i++).text);
    } else {
      while (!isBlank(i) && !startsSpecial(i)) parts.push(at(i++).text);
    }
    const joined = parts.join(' ');
    const single = i - start === 1;
    if (!titleDone) {
      titleDone = true;
      if (terminalRe.test(joined) && !/\?$/.test(joined)) {
        blocks.push({ type: 'paragraph', text: joined, line: l.line, endLine: at(i - 1).line });
        continue;
      }
      blocks.push({ type: 'title', text: joined, line: l.line, endLine: l.line });
      continue;
    }
    const isQuestion = single && /\?$/.test(joined) && joined.length <= 200;
    if (isQuestion || (single && headingShape(joined) && isHeadingAt(start))) {
      blocks.push({ type: 'heading', text: joined, line: l.line, endLine: l.line });
      listContext = false;
      fieldContext = false;
      continue;
    }
    // Lines of a blank-separated paragraph that are all short and unpunctuated are a flattened list.
    if (!wrapped && i - start > 1 && parts.every((p) => p.length < 60 && !terminalRe.test(p))) {
      parts.forEach((p, k) => blocks.push({ type: 'item', ordered: false, depth: 0, text: p, line: l.line + k, endLine: l.line + k }));
      continue;
    }
    if (wrapped && listContext && (!/\.$/.test(joined) || joined.split(/\s+/).length < 8)) {
      blocks.push({ type: 'item', ordered: false, depth: 0, text: joined, line: l.line, endLine: at(i - 1).line });
      if (/:$/.test(joined)) listContext = true;
      continue;
    }
    listContext = wrapped && /:$/.test(joined);
    blocks.push({ type: 'paragraph', text: joined, line: l.line, endLine: at(i - 1).line });
  }
  return blocks;

  /** A heading is followed by a new block that starts like a sentence, not by a continuation. */
  function isHeadingAt(k: number): boolean {
    if (!wrapped) return isBlank(k - 1) || k === 0;
    const prev = k > 0 ? at(k - 1).text : '';
    const prevEnds = prev === '' || terminalRe.test(prev) || /[\])]$/.test(prev) || (headingShape(prev) && !listContext);
    if (!prevEnds && !listContext) return false;
    if (isBlank(k + 1)) return true;
    const next = at(k + 1).text;
    if (!/^[\p{Lu}\d"“]/u.test(next)) return false;
    // Inside a list introduced by a colon, a short line is a heading only if prose follows it.
    if (listContext) return next.split(/\s+/).length >= 8 || !terminalRe.test(next) && next.split(/\s+/).length >= 6;
    return true;
  }
}
