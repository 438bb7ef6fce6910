// Unit tests for src/shared/query/follow-up.ts: which questions lean on the previous one, and how they merge.
import { describe, expect, it } from 'vitest';
import { isFollowUp, mergeFollowUp } from '../../../src/shared/query/follow-up.ts';
import { compileLexicon } from '../../../src/shared/query/lexicon.ts';
import { fixtureSynonyms } from './fixture-kb.ts';

const lexicon = compileLexicon(fixtureSynonyms());

describe('shared/query/follow-up', () => {
  it('spots follow-ups by their opening words, pronouns or a bare alternative', () => {
    expect(isFollowUp('and on Windows Server 2022?', lexicon)).toBe(true);
    expect(isFollowUp('what about Linux?', lexicon)).toBe(true);
    expect(isFollowUp('ws2022?', lexicon)).toBe(true);
    expect(isFollowUp('does it work with containerd?', lexicon)).toBe(true);
    expect(isFollowUp('can I run privileged containers on windows nodes?', lexicon)).toBe(false);
    expect(isFollowUp('', lexicon)).toBe(false);
  });

  it('replaces the contrasting term in place', () => {
    expect(mergeFollowUp('can I run privileged containers on windows server 2019?', 'and on ws2022?', lexicon)).toBe('can I run privileged containers on ws2022?');
    expect(mergeFollowUp('privileged containers on windows?', 'what about linux', lexicon)).toBe('privileged containers on linux?');
  });

  it('appends other words of the follow-up', () => {
    expect(mergeFollowUp('max node pools', 'and for gMSA?', lexicon)).toBe('max node pools gMSA');
  });

  it('leaves standalone questions alone', () => {
    expect(mergeFollowUp('max node pools', 'can I run privileged containers on windows nodes?', lexicon)).toBeNull();
    expect(mergeFollowUp('', 'and on ws2022?', lexicon)).toBeNull();
  });
});
