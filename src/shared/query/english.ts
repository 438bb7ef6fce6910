import { stemmer } from 'stemmer';

// English language rules (not domain data): words that carry no topic, and how words are reduced to stems.

/** Words that ask rather than say what about: they open or frame a question. */
export const questionWords: ReadonlySet<string> = new Set(
  ('how what which where when why who whom whose can could should would will shall may might must do does did ' +
    'is are was were am be been being have has had cant couldnt shouldnt wouldnt wont doesnt dont didnt isnt ' +
    'arent wasnt werent havent hasnt right ok okay').split(' '),
);

/** Function words and filler that never decide which entry answers a question. */
export const stopWords: ReadonlySet<string> = new Set(
  ('a an the to of in on at by for with from into onto about as or and but if then so than too very just also ' +
    'any some all each every no not nor only own same such both either neither few more most other others ' +
    'i me my mine myself we us our ours ourselves you your yours yourself it its itself they them their theirs ' +
    'he she him her his there here this that these those what whatever via per vs versus etc eg ie ' +
    'up down out over under again further once while during before after above below between through ' +
    'need needs want wants know tell help please thanks thank hi hello hey anyone someone something anything ' +
    'thing things like really actually still yet already even get gets got getting way ways make makes ' +
    'go goes going let lets s t d ll m re ve y im ive id youre weve theyre thats whats theres ' +
    'one ones would instead else whether much many lot lots kind sort able').split(' '),
);

/** Stems already computed: highlighting re-reads the same words on every keystroke. */
const stems = new Map<string, string>();

/** Reduces a word to its stem (Porter); tokens with digits or symbols stay as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 50_000) stems.clear();
    stems.set(word, (s = stemmer(word)));
  }
  return s;
}
