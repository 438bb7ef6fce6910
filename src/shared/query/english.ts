import { stemmer } from 'stemmer';

// English language rules (not domain data): words that carry no topic, and how words are reduced to stems.

/** Words that ask rather than say what about: they open or frame a question. */
export const questionWords: ReadonlySet<string> = new Set(
  ('how what which where when why who whom whose can could should would will shall may might must do does did ' +
    'is are was were am be been being have has had cant cannot couldnt shouldnt wouldnt wont doesnt dont didnt isnt ' +
    'arent wasnt werent havent hasnt right ok okay').split(' '),
);

/** Words that open a question asking for a fact, a way or a list ("how", "which"), not yes or no. */
export const openQuestionWords: ReadonlySet<string> = new Set('how what whats which where when why who whom whose'.split(' '));

/** Auxiliaries and modals, with their negations as tokens spell them ("isnt"): they open yes/no questions. */
export const auxiliaryWords: ReadonlySet<string> = new Set(
  'can could is are am was were do does did will would should shall may might must has have had cant couldnt isnt arent doesnt dont wont wouldnt shouldnt hasnt havent'.split(' '),
);

/** Function words and filler that never decide which entry answers a question. */
export const stopWords: ReadonlySet<string> = new Set(
  ('a an the to of in on at by for with from into onto about as or and but if then so than too very just also ' +
    'any some all each every no not nor only own such both either neither few more most other others ' +
    'i me my mine myself we us our ours ourselves you your yours yourself it its itself they them their theirs ' +
    'he she him her his there here this that these those what whatever via per vs versus etc eg ie ' +
    'up down out over under again further once while during before after above below between through ' +
    'need needs want wants know tell help please thanks thank hi hello hey anyone someone something anything ' +
    'thing things stuff like really actually still yet already even get gets got getting way ways make makes ' +
    'go goes going doing let lets s t d e g ll m re ve y im ive id youre weve theyre thats whats theres ' +
    'one ones would instead else whether much many lot lots kind sort able ' +
    // Chat shorthand from issue trackers ("w/ windows pools", "bc the images are huge", "pls").
    'w o bc cuz coz pls plz thx tho btw fyi imo afaik iirc u ur ' +
    // Words about the documents rather than their subject ("the old docs said 400").
    'doc docs documentation said says mentioned mentions').split(' '),
);

/**
 * Word sequences that work as one function word ("next to", "instead of", "in front of"): their words frame the
 * sentence, whatever each means on its own ("next steps", "Azure Front Door").
 */
export const stopPhrases: readonly (readonly string[])[] = (
  'next to,instead of,because of,due to,prior to,as well as,according to,rather than,kind of,sort of,in order to,' +
  'such as,along with,on top of,in front of,a bit,a lot of'
)
  .split(',')
  .map((phrase) => phrase.split(' '));

/**
 * Words after which the next word is a verb, not a modifier of the words that follow it: "to" (ways to cut licensing
 * costs), subject pronouns (can I bump the priority), modals and auxiliaries (does Microsoft ship, will it span) and
 * adverbs of frequency (never advertise hugepages).
 */
export const verbCues: ReadonlySet<string> = new Set(
  ('to i we you they he she it can could should would will shall may might must do does did dont doesnt didnt ' +
    'cant couldnt shouldnt wouldnt wont never always often sometimes usually rarely ever').split(' '),
);

/**
 * Verbs that open a yes/no question with "can I" left out ("run a container as another user?", "tail live stdout
 * from azure monitor?"): words that are rarely the noun a keyword query starts with.
 */
export const actionVerbs: ReadonlySet<string> = new Set(
  ('run use mount tail stream read write enable disable turn deploy install mix put add remove delete create rotate ' +
    'pull push connect expose join attach resize restart reboot stop pin assign bind forward preserve keep combine ' +
    'migrate move give grant allow skip bypass force debug collect send route reach resolve encrypt specify pass ' +
    'inject override customize tune increase decrease raise lower reduce shrink extend apply enforce block deny ' +
    'expand modify configure rename reuse share exec ssh rdp see view tell').split(' '),
);

/**
 * Words that are verbs or nouns ("upgrade the pool?" but "upgrade path for ws2019?"): they open a yes/no question
 * only before a determiner or possessive (`determiners`).
 */
export const verbOrNoun: ReadonlySet<string> = new Set('upgrade update patch change access log limit map cache store schedule scale set start host drain back'.split(' '));

/** Words that open a noun phrase: after a verb they show it is one ("upgrade the pool"). */
export const determiners: ReadonlySet<string> = new Set('a an the my our your their his her its this that these those all every each existing'.split(' '));

/**
 * Adjectives that grade, judge or compare a thing rather than name a kind of it: "the wrong time zone" is about time
 * zones and "the longest name" about names, where "spot VMs" or "blob storage" are kinds the words after them do not
 * cover.
 */
export const gradingAdjectives: ReadonlySet<string> = new Set(
  ('good bad better best worse worst right wrong correct incorrect proper real actual true false whole entire full ' +
    'partial big bigger biggest small smaller smallest large larger largest huge tiny long longer longest short ' +
    'shorter shortest high higher highest low lower lowest fast faster fastest slow slower slowest quick easy easier ' +
    'easiest hard harder hardest simple simpler simplest new newer newest old older oldest recent latest current ' +
    'usual normal typical common weird strange odd different similar certain main major minor extra specific ' +
    'general exact precise overall total maximum minimum max min plain vanilla ordinary regular generic stock').split(' '),
);

/** Numbers that English text spells out ("eight node pools") and questions type as digits ("8 nodepools"). */
export const numberWords: readonly (readonly [string, string])[] = (
  'two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12'
)
  .split(' ')
  .flatMap((w, i, all) => (i % 2 === 0 ? [[w, all[i + 1]] as const] : []));

/** Spelled-out numbers and their values, "one" included (it is a stop word, so not in `numberWords`). */
export const spelledNumbers: ReadonlyMap<string, number> = new Map([['one', 1], ...numberWords.map(([word, digits]) => [word, Number(digits)] as const)]);

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

/**
 * Wording that asks for a number or a limit ("how many node pools", "max pods", "at least", "the longest name"), as
 * lowercase word sequences: a question with one prefers statements that state a limit (see `quantitySpans`).
 */
export const quantityPhrases: readonly (readonly string[])[] = (
  'how many,how much,how long,how big,how large,how small,how high,how low,how few,' +
  'max,maximum,maximal,min,minimum,minimal,limit,limits,ceiling,at most,at least,number of,count,length,' +
  'longest,shortest,largest,smallest,biggest,highest,lowest,fewest'
)
  .split(',')
  .map((phrase) => phrase.split(' '));

/**
 * Quantity phrases that ask about a number only before one ("up to 100 pools", "more than 8 node pools", "over 2000
 * nodes"): "up to date", "more than once" and "over the network" do not.
 */
export const quantityBeforeNumber: readonly (readonly string[])[] = (
  'up to,more than,fewer than,less than,greater than,larger than,bigger than,longer than,higher than,over,above,' +
  'beyond,under,below,exceed,exceeds,exceeding'
)
  .split(',')
  .map((phrase) => phrase.split(' '));

/** Words that make "how much" and its kin a question about money, not about a limit ("how much does it cost"). */
export const moneyWords: ReadonlySet<string> = new Set(
  'cost costs costing price prices priced pricing pay paid paying charge charged charges billed billing bill fee fees expensive cheap cheaper cheapest money dollars usd eur'.split(' '),
);
