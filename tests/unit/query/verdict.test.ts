// Unit tests for src/shared/query/verdict.ts: question shapes and general wording rules.
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/shared/query/lexicon.ts';
import { detectVerdict, questionShape } from '../../../src/shared/query/verdict.ts';
import { fixtureSynonyms } from './fixture-kb.ts';

const lexicon = compileLexicon(fixtureSynonyms());
const verdict = (question: string, ...statements: string[]) => detectVerdict(question, statements, { asked: new Set(['window']), lexicon });

describe('shared/query/verdict', () => {
  it('reads the shape of a question', () => {
    expect(questionShape('can I use gMSA?')).toMatchObject({ polar: true, open: false });
    expect(questionShape('NFS volumes on Windows - supported?')).toMatchObject({ polar: true });
    expect(questionShape('how do I patch nodes?')).toMatchObject({ polar: false, open: true });
    expect(questionShape('lift and shift - what should I check?')).toMatchObject({ open: true });
    expect(questionShape('max node pools')).toMatchObject({ polar: false, open: false });
    expect(questionShape('Do I have to switch tools?')).toMatchObject({ necessity: true });
    expect(questionShape('is it GA yet?')).toMatchObject({ availability: true });
  });

  it('answers yes/no questions from denials, limits, leads and defaults', () => {
    expect(verdict('can I use X on windows?', 'X is not supported on Windows.')).toBe('no');
    expect(verdict('can I use X?', 'Yes.', 'See the docs.')).toBe('yes');
    expect(verdict('can I use X?', 'No, X cannot be used.')).toBe('no');
    expect(verdict('does X work?', 'X has preliminary support for Windows.')).toBe('partial');
    expect(verdict('is X GA yet?', 'X is in public preview.')).toBe('no');
    expect(verdict('does X work?', 'It depends on the network plugin.')).toBe('depends');
    expect(verdict('can I use X?', 'X can be used on any node.')).toBe('yes');
    expect(verdict('Were we hacked?', 'AKS adds a user named sshd.', 'This user is not malicious.')).toBe('no');
  });

  it('reads "only X" as no when the question asks about an alternative of X', () => {
    expect(verdict('can the control plane run on windows?', 'You can only run the control plane on Linux.')).toBe('no');
  });

  it('gives keyword queries a verdict only for clear denials or limits', () => {
    expect(verdict('runAsGroup windows pod', 'runAsGroup - not possible on Windows')).toBe('no');
    expect(verdict('max node pools', 'A cluster can have a maximum of 100 node pools.')).toBeNull();
    expect(verdict('hardware for a worker node', 'These are not minimum requirements.')).toBeNull();
    expect(verdict('detector on windows nodes', 'The detector has preliminary support for Windows.')).toBe('partial');
  });

  it('reads necessity questions the other way round', () => {
    expect(verdict('Do I have to switch to another tool to get X?', 'X support is generally available.')).toBe('no');
    expect(verdict('Do I need a Linux node pool?', 'Every cluster must have a Linux node pool.')).toBe('yes');
  });

  it('gives no verdict to open questions', () => {
    expect(verdict('how do I enable X?', 'X is not enabled by default.')).toBeNull();
  });
});
