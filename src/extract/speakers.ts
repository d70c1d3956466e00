/**
 * Resolves the words that name a speaker ("Spokesperson Li Wei", "he",
 * "the ministry", "a senior official") to a speaker of the article: a full
 * canonical name with its titles, or an unnamed description, using the
 * article's entities and what was said before.
 */
import type { EntityType, ExtractedEntity, SpeakerRef } from '../archive/types.ts';
import type { TextDocument } from '../parse/text-document.ts';
import type { Sentence } from './sentences.ts';
import { AFFILIATION_PREFIX, isFamilyNameFirst, isRoleWord, splitTitles } from './names.ts';
import { DEMONYMS, isPersonalName, wordFlags, WORD_CONTENT, WORD_ENGLISH, WORD_FUNCTION } from './entity-lexicons.ts';
import { findLastBefore, lastIndexStartingBy, type SpanIndex } from './span-index.ts';
import nouns from './lexicons/speaker-nouns.json' with { type: 'json' };
import givenNames from './lexicons/given-name-genders.json' with { type: 'json' };

export type Resolution =
  | { kind: 'named'; ref: SpeakerRef; entity: number | null }
  | { kind: 'unnamed'; description: string }
  | { kind: 'none' };

interface Mention {
  start: number;
  end: number;
  entity: number;
  type: EntityType;
}

type Gender = 'm' | 'f';

/** Role nouns that say the person's gender ("the actress", "the father"). */
const ROLE_GENDER = new Map<string, Gender>([
  ...['actress', 'mother', 'wife', 'woman', 'girl', 'daughter', 'sister', 'queen', 'princess', 'chairwoman', 'spokeswoman', 'businesswoman', 'congresswoman', 'widow', 'grandmother', 'aunt', 'niece', 'policewoman', 'sportswoman', 'waitress', 'heiress', 'duchess', 'countess', 'empress', 'nun', 'girlfriend', 'bride', 'mum', 'mom'].map((w) => [w, 'f'] as const),
  ...['actor', 'father', 'husband', 'man', 'boy', 'son', 'brother', 'king', 'prince', 'chairman', 'spokesman', 'businessman', 'congressman', 'widower', 'grandfather', 'uncle', 'nephew', 'policeman', 'sportsman', 'waiter', 'heir', 'duke', 'count', 'emperor', 'monk', 'boyfriend', 'groom', 'dad'].map((w) => [w, 'm'] as const),
]);

const ORGANIZATION_HEADS = new Set(nouns.organizationHeads);
const GIVEN_NAME_GENDER = new Map<string, Gender>([...givenNames.female.map((n) => [n, 'f'] as const), ...givenNames.male.map((n) => [n, 'm'] as const)]);

/** The usual gender of a person's given name ("Maria Lopez" → f; "Lee Ha-eun": the given name after a family name). */
function genderOfName(name: string): Gender | null {
  const parts = name.split(/\s+/);
  const given = isFamilyNameFirst(parts) ? parts.slice(1).join(' ') : parts[0]!;
  return GIVEN_NAME_GENDER.get(given) ?? GIVEN_NAME_GENDER.get(given.replace(/-(\p{Ll})/u, (_, c: string) => c)) ?? null;
}
const UNNAMED_GROUPS = new Set(nouns.unnamedGroups);
// Bodies whose names say they are no business, so never "the company" or "the firm".
const NOT_A_BUSINESS = /\b(?:Union|Ministry|Department|Police|Party|Council|Court|Committee|Commission|Government|Parliament|Assembly|Senate|Army|Navy|Church)\b/;
// Lower-case words that describe a news outlet before its name ("news website", "state broadcaster", "the daily").
const MEDIA_DESCRIPTOR = /^(?:the\s+)?(?:(?:local|national|regional|state|state-run|state-owned|private|online|independent|news|business|financial|sports|tabloid|weekly|daily|investigative|public|pro-government|opposition|tech|technology|entertainment|celebrity|gossip|political|music|trade|industry|science|gaming|conservative|liberal|left-leaning|right-leaning|satirical|\p{Lu}\p{Ll}+-language)\s+){0,3}(?:website|site|agency|newspaper|paper|daily|weekly|broadcaster|channel|network|tabloid|magazine|outlet|portal|publication|blog|newsletter|station|radio|television|TV|news\s+agency|wire\s+service)\s+(?=\p{Lu})/u;
// "the latest situation report released by", "its annual review published by": who issued the document spoke.
const DOCUMENT_ISSUED_BY = /^(?:the|its|their|a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:report|study|survey|statement|analysis|review|assessment|bulletin|update|figures|data|statistics)\s+(?:released|published|issued|compiled|prepared|posted|produced)\s+(?:(?:on|last|this)\s+\p{L}+\s+)?by\s+/iu;
// "the company said": businesses are named with these words.
const COMPANY_HEADS = new Set(['company', 'firm', 'carrier', 'airline', 'automaker', 'carmaker', 'lender', 'insurer', 'maker', 'manufacturer', 'retailer', 'startup', 'group', 'bank', 'conglomerate', 'operator', 'developer', 'publisher', 'studio', 'label', 'chain', 'brand', 'supplier', 'producer', 'miner', 'utility']);
const COMPANY_NAME = /\b(?:Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|PLC|plc|Group|Co\.|Company|Holdings|AG|SA|S\.A\.|GmbH|NV|N\.V\.|AB|ASA|SE|SpA|Motors?|Airlines?|Airways|Bank|Pharma\w*|Therapeutics|Technologies|Systems|Foods|Energy|Labs?|Industries|Logistics|Capital|Partners|Ventures|Records|Pictures|Studios|Brands|Telecom|Automotive|Electronics|Semiconductor|Software)\b/;
// "the company said", "the group said": these heads may name the organization the article is
// about even when its name does not carry the word.
const ABOUT_FALLBACK_HEADS = new Set([...COMPANY_HEADS, 'organization', 'organisation', 'agency', 'club', 'team', 'charity', 'network', 'broadcaster', 'newspaper', 'paper', 'outlet', 'institute', 'foundation', 'body', 'regulator', 'watchdog', 'campaign', 'party', 'union', 'association']);
// "the newspaper said", "the broadcaster reported": a news outlet named earlier, known by these
// words in its name or as one of the best-known agencies and broadcasters (general knowledge).
const MEDIA_HEADS = new Set(['newspaper', 'paper', 'daily', 'tabloid', 'publication', 'outlet', 'magazine', 'journal', 'website', 'broadcaster', 'channel', 'weekly']);
// "the agency", "the station" name news outlets only when the phrase says so ("the news agency", "the TV station").
const MEDIA_QUALIFIED_HEADS = /\b(?:news|press|wire|television|tv|radio)\s+(?:agency|station|network|service|site)$/i;
const MEDIA_NAME = /\b(?:Times|News|Post|Herald|Journal|Gazette|Tribune|Daily|Telegraph|Guardian|Independent|Observer|Chronicle|Courier|Express|Mirror|Mail|Standard|Inquirer|Examiner|Monitor|Magazine|Weekly|Press|Media|Radio|Television|TV|Broadcasting|Channel|Wire|Reuters|Bloomberg|Xinhua|Interfax|TASS|Kyodo|Yonhap|Agence France-Presse|Al Jazeera|BBC|CNN|NBC|CBS|ABC|NPR|PBS|AFP|AP)\b|\.(?:com|net|org|ru|pl|de|fr|in|pk)\b/;
// "the agency" names an Authority or a Commission as often as an Agency.
const HEAD_SYNONYMS: Record<string, string[]> = {
  hospital: ['medical center', 'medical centre', 'health', 'clinic', 'infirmary', 'hospital'],
  regulator: ['regulatory', 'authority', 'commission', 'agency', 'board'],
  agency: ['authority', 'administration', 'commission', 'service', 'bureau', 'office', 'department', 'board', 'institute'],
  ministry: ['department', 'office'],
  department: ['ministry', 'agency', 'office'],
  watchdog: ['authority', 'commission', 'agency', 'ombudsman', 'inspector'],
  union: ['federation', 'association', 'workers', 'confederation'],
  university: ['college', 'institute', 'school'],
  government: ['ministry', 'cabinet', 'administration', 'office'],
  police: ['constabulary', 'force', 'department'],
  // "West Mercia Police … the force said": British usage calls a police service a force.
  force: ['police', 'constabulary'],
  authority: ['agency', 'administration', 'commission'],
};
const DOCUMENT_HEADS = new Set(nouns.documentHeads);
const TRAILING_TIME = /\s+(?:during|over|on|at|in|last|this|earlier|late|early)\s+(?:the\s+)?(?:(?:past|previous|same|following)\s+)?(?:weekend|week|month|year|morning|afternoon|evening|night|day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)s?$/i;
// "the ruling said": papers a court issues speak for the court.
const COURT_DOCUMENTS = new Set(['ruling', 'judgment', 'judgement', 'verdict', 'decision', 'order', 'opinion']);
const QUESTIONERS = new Set(['reporter', 'reporters', 'journalist', 'journalists', 'questioner', 'correspondent', 'member', 'caller', 'listener', 'viewer', 'voter', 'student', 'participant']);
/** Roles held for a body, whose unnamed holder speaks for it. */
const SPOKESPERSON_ROLE = /^(?:spokes(?:person|man|woman|people)|representatives?)$/;
const INDEFINITE = /^(?:a|an|one|two|three|four|five|several|some|many|most|other|another|few|multiple|various|numerous|both|all|each|\d+|no)\b/i;
// Capitalized words that start sentences but never name anyone.
const NOT_NAMES = /^(?:Prior|Later|Earlier|Previously|Subsequently|Afterwards|Additionally|Moreover|Furthermore|Nevertheless|Instead|Indeed|Ultimately|Eventually|Finally|Recently|Currently|Under|Amid|Despite|With|Without|Through|Following|Ahead|Across|Within|From|By|For|Among|Against|Unlike|Like|Outside|Inside|Near|Beyond|Over|Until|Upon|Once|When|While|As|If|Although|Though|Because|Since|After|Before|During|In|On|At|The|A|An|This|That|These|Those|It|They|He|She|We|There|Here|Asked|Speaking|Meanwhile|However|Still|Yet|Also|And|But|Or|So|Then|Now|Today|Yesterday|Officials?|Analysts?|Experts?|Police|Authorities|Residents?|Critics?|Sources?)\b/;
const LEADING_FILLER = /^(?:(?:and|but|so|yet|or|also|meanwhile|separately|later|earlier|still|however|then|now|instead|indeed|moreover|furthermore|finally|previously|today|yesterday|tonight)\b[\s,]*)+/i;
const FEMALE = /\b(?:she|her|ms|mrs|miss|madam|dame|lady|spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|sportswoman|policewoman|stateswoman|queen|princess|duchess|mother|sister|daughter|wife|grandmother|actress)\b/i;
const MALE = /\b(?:he|his|him|mr|sir|lord|spokesman|chairman|congressman|businessman|councilman|sportsman|policeman|statesman|king|prince|duke|father|brother|son|husband|grandfather|actor)\b/i;

/** What the speaker resolver knows about one article. Built once, used in text order. */
export class SpeakerResolver {
  readonly #doc: TextDocument;
  readonly #entities: ExtractedEntity[];
  readonly #mentions: Mention[];
  readonly #sentences: Sentence[];
  readonly #gender = new Map<number, Gender>();
  /** Ranges of quoted words: people named inside a quote are not antecedents. */
  readonly #quoted: SpanIndex;
  /** Named speakers in text order. */
  readonly #history: { pos: number; ref: SpeakerRef; entity: number | null }[] = [];
  /** Unnamed speakers in text order ("a senior official"): later "she said" may mean them. */
  readonly #unnamed: { pos: number; description: string }[] = [];

  constructor(doc: TextDocument, entities: ExtractedEntity[], sentences: Sentence[], quoted: SpanIndex) {
    this.#doc = doc;
    this.#entities = entities;
    this.#sentences = sentences;
    this.#quoted = quoted;
    this.#mentions = entities
      .flatMap((e, entity) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity, type: e.type })))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    entities.forEach((e, i) => {
      if (e.type !== 'person') return;
      const byName = genderOfName(e.name);
      if (byName) this.#gender.set(i, byName);
      for (const m of e.mentions) {
        // Only the words right before the name, in its own clause: "Mr Lee", "spokeswoman Li Wei".
        const before = doc.text.slice(Math.max(0, m.start - 40), m.end);
        const HONORIFIC = /\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam)\b\.?\s*$/;
        const honorific = HONORIFIC.exec(doc.text.slice(Math.max(0, m.start - 8), m.start)) ?? /^(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam)\b/.exec(m.text);
        // Gendered words of the name's own phrase ("spokeswoman Li Wei"), never pronouns: "she would call Harmon" says nothing of Harmon.
        const phrase = (before.split(/[,;!?\n"“”]|\.\s/).pop() ?? '').replace(/\b(?:she|her|hers|he|his|him)\b/gi, '');
        // A given name of known gender outweighs gendered words nearby ("Mr Corbyn's spokesman joined Theresa May").
        const g = honorific ? genderOf(honorific[1]!) : byName ? null : genderOf(phrase);
        if (g) this.#gender.set(i, g);
      }
      for (const t of e.titles ?? []) {
        const g = genderOf(t);
        if (g) this.#gender.set(i, g);
      }
    });
  }

  /** Records a resolved speaker so later pronouns and roles can refer back to it. */
  remember(pos: number, resolution: Resolution, pronoun?: string): void {
    if (resolution.kind === 'unnamed') this.#unnamed.push({ pos, description: resolution.description });
    if (resolution.kind !== 'named') return;
    this.#history.push({ pos, ref: resolution.ref, entity: resolution.entity });
    if (resolution.entity !== null && pronoun) {
      const g = genderOf(pronoun);
      if (g && !this.#gender.has(resolution.entity)) this.#gender.set(resolution.entity, g);
    }
  }

  /** The most recent named speaker before `pos`, within `maxBlocks` paragraphs. */
  lastSpeaker(pos: number, maxBlocks = 2): Resolution {
    const last = this.#lastSpoken(pos);
    if (!last || this.#blockIndex(pos) - this.#blockIndex(last.pos) > maxBlocks) return { kind: 'none' };
    return { kind: 'named', ref: last.ref, entity: last.entity };
  }

  /**
   * Resolves the phrase at [start, end) of the text. `appositive` is an
   * optional ", a spokeswoman for X," after the name, read for titles.
   */
  resolve(start: number, end: number, appositive = ''): Resolution {
    const raw = this.#doc.text.slice(start, end);
    const lead = raw.match(LEADING_FILLER)?.[0].length ?? 0;
    const s = start + lead + (raw.slice(lead).length - raw.slice(lead).trimStart().length);
    const phrase = this.#doc.text.slice(s, end).trim();
    // "The Philippine Institute of Volcanology and Seismology (Phivolcs)": an aside in brackets at the end is no part of who spoke.
    const aside = /\s*\([^()]*\)$/.exec(phrase);
    if (aside && aside.index > 0) return this.resolve(s, s + aside.index, appositive);
    // "the latest situation report released by the NCDC on Monday": a document of a named body, however long.
    const issued = DOCUMENT_ISSUED_BY.exec(phrase);
    if (issued) {
      const from = s + issued[0].length;
      const tail = /\s+(?:on|via|in|at|last|this|after|during|through|with)\s/.exec(this.#doc.text.slice(from, end));
      const issuer = this.resolve(from, tail ? from + tail.index : end);
      if (issuer.kind === 'named') return issuer;
    }
    if (!phrase || phrase.split(/\s+/).length > 12) return { kind: 'none' };
    // "Another report from the government during the weekend": when it spoke is no part of who spoke.
    const when = TRAILING_TIME.exec(phrase);
    if (when && when.index > 0) return this.resolve(s, s + when.index, appositive);
    // "the mayor via news agency Interfax": what reached the article through an outlet is the outlet's report.
    const via = /\s+via\s+(?:the\s+)?(?:(?:state\s+)?news\s+agency\s+|newspaper\s+|broadcaster\s+|(?:state\s+)?media\s+outlet\s+)?(?=\p{Lu})/u.exec(phrase);
    if (via) {
      const outlet = this.resolve(s + via.index + via[0].length, end);
      if (outlet.kind === 'named') return outlet;
    }
    // "news website Detik.com", "state broadcaster RTS", "the daily Kommersant": the outlet by its name.
    const outlet = MEDIA_DESCRIPTOR.exec(phrase);
    if (outlet) {
      const named = this.resolve(s + outlet[0].length, end);
      if (named.kind === 'named') return named.ref.type === 'organization' ? named : { ...named, ref: { ...named.ref, type: 'organization', titles: [] } };
    }
    // "the investor said, asking not to be named": whoever it is, the article keeps them unnamed.
    if (/^(?:he|she|the\s+[\p{Ll}\s-]+)$/iu.test(phrase) && this.#anonymous(s)) return { kind: 'unnamed', description: phrase };
    if (/^(?:he|she)$/i.test(phrase)) return this.#resolvePronoun(phrase.toLowerCase() as 'he' | 'she', s);
    // "According to him, …": an object pronoun names the same person.
    if (/^(?:him|her)$/i.test(phrase)) return this.#resolvePronoun(/^him$/i.test(phrase) ? 'he' : 'she', s);
    if (/^(?:it|it[’']s)$/i.test(phrase)) return this.#resolveIt(s, phrase);
    if (/^(?:they|we)$/i.test(phrase)) return this.#resolvePlural(s, phrase);
    if (/^(?:i|you|who|which|that|this|there|what)$/i.test(phrase)) return { kind: 'none' };
    // "which he said was …": the pronoun after the relative word is the speaker.
    const relative = /^(?:which|that|who|whom|as)\s+(he|she)$/i.exec(phrase);
    if (relative) return this.#resolvePronoun(relative[1]!.toLowerCase() as 'he' | 'she', s);
    if (/^(?:who|which|that|where|when|whom)\b/i.test(phrase)) return { kind: 'none' };

    // "Republicans said", "the Democrats argued": members of a party or people of a nation, unnamed.
    if (/^(?:the\s+)?\p{Lu}\p{Ll}+s$/u.test(phrase) && DEMONYMS.has(phrase.replace(/^the\s+/i, ''))) return { kind: 'unnamed', description: phrase };
    const inside: Mention[] = [];
    for (let i = this.#lastMentionBefore(s) + 1; i < this.#mentions.length && this.#mentions[i]!.start < end; i++) {
      const m = this.#mentions[i]!;
      if (m.start >= s && m.end <= end) inside.push(m);
    }
    // "the emergencies ministry said": an organization the article names elsewhere, written in lower case.
    if (!inside.length && /^the\s+\p{Ll}/u.test(phrase)) {
      const bare = phrase.slice(4).toLowerCase();
      const index = this.#entities.findIndex((e) => e.type === 'organization' && e.name.toLowerCase() === bare);
      if (index >= 0) return this.#organization(index);
    }
    // "Cabral's lawyer Rodrigo Roca", "Silver's lawyer": the possessor is someone else than who spoke.
    const possessor = (m: Mention) => m.type === 'person' && /^['’]s?\s+\S/.test(this.#doc.text.slice(m.end, end));
    const person = inside.find((m) => m.type === 'person' && !possessor(m) && !/\b(?:for|of|to|with|by|from|about|against)\s+(?:the\s+)?$/i.test(this.#doc.text.slice(s, m.start)));
    if (!person && inside.length && inside.every(possessor)) {
      const head = phrase.toLowerCase().split(/\s+/).pop()!;
      if (isRoleWord(head) && !ORGANIZATION_HEADS.has(head)) return { kind: 'unnamed', description: phrase };
    }
    if (person && !INDEFINITE.test(phrase)) return this.#named(person, this.#doc.text.slice(s, person.start), appositive);
    if (person && INDEFINITE.test(phrase) && this.#doc.text.slice(s, person.start).split(/\s+/).length <= 1) return this.#named(person, '', appositive);

    // "the Junta de Andalucía": a capitalized name after "the" that no entity covers whole names an
    // organization, even when a place inside it is known.
    const titledName = /^the\s+((?:\p{Lu}[\p{L}&'’.-]*\s+(?:(?:of|for|and|on|de|del|la|du|des)\s+)?)*\p{Lu}[\p{L}'’.-]*)$/u.exec(phrase);
    // "the Center for Biological Diversity and Center for Food Safety": two bodies the entity stage found apart speak jointly, each its own.
    const bodiesInside = inside.filter((m) => m.type === 'organization').length;
    if (titledName && bodiesInside < 2 && titledName[1]!.includes(' ') && !/['’]s\s/.test(titledName[1]!) && !AFFILIATION_PREFIX.test(titledName[1]!) && !person && !inside.some((m) => m.end - m.start >= titledName[1]!.length) && !isRoleWord(titledName[1]!.split(/\s+/)[0]!.toLowerCase())) {
      return { kind: 'named', ref: { name: titledName[1]!, type: 'organization', aliases: [], titles: [] }, entity: null };
    }
    // "Gas Infrastructure Europe": a capitalized name that merely contains a place names an organization.
    const bare = phrase.replace(/^the\s+/i, '');
    if (!person && inside.length && inside.every((m) => m.type === 'place') && inside[0]!.start > s + (phrase.length - bare.length) && /^(?:\p{Lu}[\p{L}&'’.-]*\s+)+\p{Lu}[\p{L}'’.-]*$/u.test(bare) && !/['’]s\s/.test(bare) && !isRoleWord(bare.split(/\s+/)[0]!.toLowerCase())) {
      return { kind: 'named', ref: { name: bare, type: 'organization', aliases: [], titles: [] }, entity: null };
    }
    // "Veridian co-founder and Chief Executive Priyanka Raghunathan-Cole": roles, then a name the entity stage missed.
    if (!person) {
      const split = splitTitles(phrase);
      const at = phrase.indexOf(split.name);
      // "National Institute for Space Research": words inside an organization's name are no person's name.
      const withinName = inside.some((m) => m.type !== 'person' && m.start - s <= at && m.end - s >= at + split.name.length);
      if (split.titles.length && split.name.split(/\s+/).length >= 2 && /^(?:\p{Lu}[\p{L}'’.-]*\s+)+\p{Lu}[\p{L}'’.-]*$/u.test(split.name) && !withinName && !inside.some((m) => at >= 0 && m.start - s >= at)) {
        return { kind: 'named', ref: { name: split.name, type: 'person', aliases: [], titles: cleanTitles(split.titles) }, entity: null };
      }
    }
    const words = phrase.toLowerCase().replace(/[’']s\b/g, '').split(/\s+/);
    const head = words[words.length - 1]!;
    const org = inside.find((m) => m.type === 'organization' || m.type === 'place');
    const roleBeforeOrg = org ? /\b(?:for|of|at|from|with)\s+(?:the\s+)?$/i.test(this.#doc.text.slice(s, org.start)) : false;
    if (org && !roleBeforeOrg && !INDEFINITE.test(phrase) && !UNNAMED_GROUPS.has(head)) {
      // "China's Foreign Ministry" names the ministry; "the ministry's spokesman" names a person.
      const afterOrg = this.#doc.text.slice(org.end, end).trim().toLowerCase().replace(/^[’']s\s*/, '');
      // "South Africa's central bank": an organization of that place, named elsewhere in the article.
      const afterHead = afterOrg.split(/\s+/).pop() ?? '';
      // "The suburban Chicago company said": a business of that place, the one the article is about.
      if (org.type === 'place' && COMPANY_HEADS.has(afterHead)) {
        const found = this.#organizationBefore(s, afterHead);
        if (found) return found;
      }
      if (org.type === 'place' && afterOrg && ORGANIZATION_HEADS.has(afterHead) && !afterOrg.split(/\s+/).every((w) => ORGANIZATION_HEADS.has(w) || ['foreign', 'interior', 'defense', 'defence', 'finance', 'health', 'justice', 'education', 'trade', 'economy'].includes(w))) {
        const found = this.#organizationBefore(org.start, afterHead) ?? (this.#blockIndex(s) <= 1 ? this.#organizationAfter(end, afterHead) : null);
        if (found) return found;
      }
      if (!afterOrg || ORGANIZATION_HEADS.has(afterOrg) || afterOrg.split(/\s+/).every((w) => ORGANIZATION_HEADS.has(w))) return this.#namedOrganization(org);
      const lastOrg = inside.filter((m) => m.type === 'organization' || m.type === 'place').pop()!;
      if (lastOrg.end >= end - 1) return this.#namedOrganization(lastOrg);
    }

    // "Scotland's transport minister" is as definite as "the minister".
    // "figures from X", "a study by X": the source named after the data.
    const source = /^(?:(?:new|preliminary|official|latest|provisional|the)\s+)*(?:figures|data|statistics|estimates|numbers|results|(?:an?|another)\s+(?:(?:\d{4}|new|recent|separate|internal|independent|draft|final|annual|earlier|later|initial|first|second|official|joint|written|brief|further|subsequent)\s+){0,2}(?:report|study|survey|statement|analysis|review|tally|audit|assessment|investigation|poll))\s+(?:from|by|of|released\s+by|published\s+by|compiled\s+by|commissioned\s+by|conducted\s+by)\s+/i.exec(phrase);
    if (source) {
      const inner = this.resolve(s + source[0].length, end);
      if (inner.kind === 'named') return inner;
    }
    // "a source within the Interior Ministry", "Znak.com reported its source", "a poll published by NBC
    // News", "a Twitter post by Amy Cook": unnamed people or papers of a named body or author speak for it.
    const owner = this.#ownerInDescription(inside, s, phrase, words);
    if (owner) return owner;
    // "Documents submitted to the council", "officials of the district": an unnamed group, however long.
    if (UNNAMED_GROUPS.has(words[0]!)) return { kind: 'unnamed', description: phrase };
    // "The 58-year-old" refers back like a pronoun.
    if (/^the\s+\d+-year-old$/i.test(phrase)) return this.#resolveDescription(s) ?? { kind: 'unnamed', description: phrase };
    const definite = /^(?:the|this|that|its|their|his|her)\b/i.test(phrase) || /^\p{Lu}[\p{L}.-]*['’]s\s+\p{Ll}/u.test(phrase);
    // "county commission minutes", "internal inspection logs": records speak for no one named.
    if (!definite && DOCUMENT_HEADS.has(head) && !/\p{Lu}/u.test(phrase.slice(1))) return { kind: 'unnamed', description: phrase };
    // "the statement said": whoever issued the statement, the organization last speaking.
    if (definite && /^(?:statement|release|announcement|communique|communiqué|notice|filing)$/.test(head)) {
      const organization = this.#organizationSpokeNearby(s);
      if (organization) return organization;
      // A person's statement read out (a court, an inquiry): the person last speaking nearby.
      const person = this.#lastSpoken(s, (h) => h.ref.type === 'person');
      if (person && this.#blockIndex(s) - this.#blockIndex(person.pos) <= 2) return { kind: 'named', ref: person.ref, entity: person.entity };
    }
    // "the report said", "the resolution states": the document the article named speaks for its authors.
    // A report or ruling the article did not name speaks for the body that last spoke nearby.
    if (definite && DOCUMENT_HEADS.has(head)) return this.#documentBefore(s, head) ?? this.#organizationSpokeNearby(s) ?? (COURT_DOCUMENTS.has(head) ? this.#namedOrganizationBefore(s, (n) => /\b(?:Court|Tribunal)\b/.test(n)) : null) ?? { kind: 'unnamed', description: phrase };
    // "the National Elections Jury", "The Associated Press": capitalized words after "the" name an organization.
    const titled = /^the\s+((?:\p{Lu}[\p{L}&'’.-]*\s+(?:(?:of|for|and|on|de)\s+)?)*\p{Lu}[\p{L}'’.-]*)$/u.exec(phrase);
    if (titled && titled[1]!.includes(' ') && !isRoleWord(titled[1]!.split(/\s+/)[0]!.toLowerCase())) return { kind: 'named', ref: { name: titled[1]!, type: 'organization', aliases: [], titles: [] }, entity: null };
    // "The EVG rail union": an abbreviation the entity stage did not know names the organization.
    const acronym = /\b(\p{Lu}{2,}[\p{Lu}\d&]*)\b/u.exec(phrase);
    if (definite && acronym && ORGANIZATION_HEADS.has(head)) return { kind: 'named', ref: { name: acronym[1]!, type: 'organization', aliases: [], titles: [] }, entity: null };
    // "a reporter asked", "one journalist asked": whoever asks at a briefing stays unnamed; the
    // person answering did not put the question.
    if (INDEFINITE.test(phrase) && QUESTIONERS.has(head)) return { kind: 'unnamed', description: phrase };
    // "A spokesperson told …" right after a body spoke: its spokesperson.
    if (/^(?:a|an|one)\s+spokes(?:person|man|woman)$/i.test(phrase)) {
      const body = this.#organizationSpokeNearby(s, 1);
      if (body) return body;
    }
    if (INDEFINITE.test(phrase) || (UNNAMED_GROUPS.has(head) && !definite)) {
      const role = words.find((w) => isRoleWord(w));
      if (role && /^(?:a|an|one)\b/i.test(phrase) && this.#blockIndex(s) <= 1) {
        // Wire leads name a role first and the person in the next paragraph:
        // "a ministry spokesperson said ... Spokesperson Li Wei made the remarks".
        const ahead = this.#personWithRoleAfter(end, role);
        if (ahead) return ahead;
      }
      return { kind: 'unnamed', description: phrase };
    }
    // "the newspaper reported", "the industry publication stated": the news outlet named last.
    if (definite && (MEDIA_HEADS.has(head) || MEDIA_QUALIFIED_HEADS.test(phrase))) {
      const outlet = this.#namedOrganizationBefore(s, (n) => MEDIA_NAME.test(n));
      if (outlet) return outlet;
      // An outlet the entity stage did not know but that spoke before ("…, Detik.com said. … the website said").
      // Only a bare description ("the website"), not one that names its owner ("the hotel's website").
      if (!/\p{Lu}/u.test(phrase.slice(1)) && !/['’]s\b/.test(phrase)) {
        const spoke = this.#lastSpoken(s, (h) => h.ref.type === 'organization' && MEDIA_NAME.test(h.ref.name));
        if (spoke && this.#blockIndex(s) - this.#blockIndex(spoke.pos) <= 4) return { kind: 'named', ref: spoke.ref, entity: spoke.entity };
      }
    }
    if (definite || words.length <= 3) {
      if (ORGANIZATION_HEADS.has(head) || (words.length >= 2 && ORGANIZATION_HEADS.has(words.slice(-2).join(' ')))) {
        const found = this.#organizationBefore(s, head) ?? (this.#blockIndex(s) <= 1 ? this.#organizationAfter(end, head) : null);
        if (found) return found;
        // "the Scottish government", "the Kenyan police": a capitalized word names which one.
        const qualified = /^the\s+((?:\p{Lu}[\p{L}'’-]*\s+)+[\p{Ll}\s]*)$/u.exec(phrase);
        if (qualified && words.length <= 4) return { kind: 'named', ref: { name: qualified[1]!.trim(), type: 'organization', aliases: [], titles: [] }, entity: null };
        return { kind: 'unnamed', description: phrase };
      }
      const role = [...words].reverse().find((w) => isRoleWord(w));
      if (role && definite) {
        // "the British player said" right after a named player: the role names them again.
        // In a lead, the role comes first and the name in the next paragraphs.
        const before = this.#personWithRoleBefore(s, role);
        // "A Twitter representative declined to comment … "…," the representative told Recode": no
        // person named with that role, so the body whose unnamed spokesperson it was.
        if (before?.kind !== 'named' && SPOKESPERSON_ROLE.test(role)) {
          const body = this.#bodyWithUnnamedRole(s, role);
          if (body) return body;
        }
        const found = (before?.kind === 'named' ? before : null) ?? (this.#blockIndex(s) <= 1 ? this.#personWithRoleAfter(end, role) : null) ?? before ?? (words.length <= 4 || /^the\s+\S+\s+(?:for|of)\s/i.test(phrase) ? this.#resolveDescription(s, ROLE_GENDER.get(role)) : null);
        return found ?? { kind: 'unnamed', description: phrase };
      }
      if (UNNAMED_GROUPS.has(head)) return { kind: 'unnamed', description: phrase };
    }
    // A capitalized name the entity stage did not know: keep it rather than lose the speaker.
    const split = splitTitles(phrase);
    if (/^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|dos|das|do|del|della|van|von|der|den|ter|te|ten|la|le|du|bin|bint|ibn|al|el|y|[’']t)\s+)*\p{Lu}[\p{L}'’.-]*){0,5}(?:\s+\d{1,4})?$/u.test(split.name) && !definite && !isRoleWord(split.name.toLowerCase()) && !NOT_NAMES.test(split.name) && !isOrdinaryWord(split.name)) {
      const sameSurname = this.#personBySurname(split.name, s);
      if (sameSurname) return sameSurname;
      // "Népszava noted …" at a sentence's start: the article names it elsewhere, and says what it is.
      const folded = split.name.normalize('NFC').toLowerCase();
      const known = this.#entities.findIndex((e) => e.type === 'organization' && [e.name, ...e.aliases].some((n) => n.normalize('NFC').toLowerCase() === folded));
      if (known >= 0) return this.#organization(known);
      // "Detik.com", "Politico.eu": a web address names a site, an organization.
      const organization = split.name.split(/\s+/).some((w) => ORGANIZATION_HEADS.has(w.toLowerCase()) || COMPANY_NAME.test(w)) || /\.(?:com|net|org|info|news|co|io|eu|[a-z]{2})$/i.test(split.name);
      return { kind: 'named', ref: { name: split.name, type: organization ? 'organization' : 'person', aliases: [], titles: organization ? [] : cleanTitles(split.titles) }, entity: null };
    }
    return { kind: 'none' };
  }

  /**
   * The named organization (or a person after "by") inside a description of
   * unnamed speakers or documents: "officials at X", "a spokesperson for X",
   * "X reported its source", "a study by Jane Doe". Places and anonymity
   * leave it unnamed.
   */
  #ownerInDescription(inside: Mention[], s: number, phrase: string, words: string[]): Resolution | null {
    const isGroup = (w: string) => UNNAMED_GROUPS.has(w) || DOCUMENT_HEADS.has(w) || /^(?:spokes(?:person|man|woman)|post|posting|tweet|message|video|blog|column|op-ed|article|interview|podcast)$/.test(w);
    const last = words[words.length - 1]!;
    // "the Labour leader", "the party's chairman": one definite person holding a role, not the body;
    // its unnamed spokesperson still speaks for it.
    const definiteRole = /^(?:the|its|their)\s/i.test(phrase) && isRoleWord(last) && !/^spokes/.test(last);
    const headIsGroup = isGroup(last) && !definiteRole;
    const owned = (m: Mention) => {
      if (headIsGroup) return true;
      // "a source within the central Interior Ministry", "a poll published by NBC News last week".
      const before = this.#doc.text.slice(s, m.start);
      return INDEFINITE.test(phrase) && before.toLowerCase().split(/\s+/).some(isGroup) && /\b(?:of|at|from|for|within|inside|in|with|by)\s+(?:\S+\s+){0,2}$/i.test(before);
    };
    const orgs = inside.filter((m) => m.type === 'organization' && owned(m)).sort((a, b) => b.end - b.start - (a.end - a.start));
    if (orgs[0]) return this.#namedOrganization(orgs[0]);
    const author = inside.find((m) => m.type === 'person' && /\bby\s+$/i.test(this.#doc.text.slice(s, m.start)) && owned(m));
    return author ? this.#named(author, '', '') : null;
  }

  /** The last mention of `type` before `pos`, within four paragraphs, whose entity passes `test`. */
  #mentionBefore(pos: number, type: EntityType, test: (entity: ExtractedEntity) => boolean): Mention | null {
    const minBlock = this.#blockIndex(pos) - 4;
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (this.#blockIndex(m.start) < minBlock) break;
      if (m.type === type && test(this.#entities[m.entity]!)) return m;
    }
    return null;
  }

  /** The last organization before `pos`, within four paragraphs, whose name or an alias passes `test`. */
  #namedOrganizationBefore(pos: number, test: (name: string) => boolean): Resolution | null {
    const m = this.#mentionBefore(pos, 'organization', (entity) => [entity.name, ...entity.aliases].some(test));
    return m ? this.#namedOrganization(m) : null;
  }

  /** The organization that spoke last, within `maxBlocks` paragraphs (three unless said). */
  #organizationSpokeNearby(pos: number, maxBlocks = 3): Resolution | null {
    const last = this.#lastSpoken(pos, (h) => h.ref.type === 'organization');
    return last && this.#blockIndex(pos) - this.#blockIndex(last.pos) <= maxBlocks ? { kind: 'named', ref: last.ref, entity: last.entity } : null;
  }

  #named(m: Mention, titleText: string, appositive: string): Resolution {
    const entity = this.#entities[m.entity]!;
    if (entity.type !== 'person') return this.#namedOrganization(m);
    const titles = cleanTitles([...(titleText.trim() ? [titleText.trim()] : []), ...appositiveTitle(appositive), ...(entity.titles ?? [])]);
    const written = this.#doc.text.slice(m.start, m.end);
    const aliases = [...new Set([...entity.aliases, written])].filter((a) => a !== entity.name);
    return { kind: 'named', ref: { name: entity.name, type: 'person', aliases, titles }, entity: m.entity };
  }

  #namedOrganization(m: Mention): Resolution {
    return this.#organization(m.entity);
  }

  /** The organization entity at `index` as a named speaker. */
  #organization(index: number): Resolution {
    const entity = this.#entities[index]!;
    return { kind: 'named', ref: { name: entity.name, type: 'organization', aliases: entity.aliases.filter((a) => a !== entity.name), titles: [] }, entity: index };
  }

  #blockIndex(pos: number): number {
    return Math.max(0, lastIndexStartingBy(this.#doc.blocks, pos));
  }

  /** Index of the last mention starting before `pos` (-1 when none). */
  #lastMentionBefore(pos: number): number {
    return lastIndexStartingBy(this.#mentions, pos - 1);
  }

  #sentenceAt(pos: number): Sentence | undefined {
    const s = this.#sentences[lastIndexStartingBy(this.#sentences, pos)];
    return s && pos < s.end ? s : undefined;
  }

  /** The latest remembered speaker before `pos` that passes `test`. */
  #lastSpoken(pos: number, test?: (h: { pos: number; ref: SpeakerRef; entity: number | null }) => boolean) {
    return findLastBefore(this.#history, pos, test);
  }

  #lastUnnamed(pos: number, test: (u: { pos: number; description: string }) => boolean) {
    return findLastBefore(this.#unnamed, pos, test);
  }

  #isQuoted(pos: number): boolean {
    return this.#quoted.contains(pos);
  }

  #isSubject(m: Mention): boolean {
    const sentence = this.#sentenceAt(m.start);
    if (!sentence) return false;
    const before = this.#doc.text.slice(sentence.start, m.start);
    const firstClause = before.split(/[,;:]/).pop() ?? '';
    // "of" and "for" join titles to names ("director of rugby Hugo Sarrazin"); the others make objects.
    // A late clause has its own subject too: "PBS revealed that in December, Crown Prince X accepted …".
    const clauseWords = firstClause.trim().split(/\s+/).filter(Boolean).length;
    const near = before.split(/\s+/).length <= 8 || (clauseWords <= 4 && /(?:[,;:]|\bthat)\s*\S*(?:\s+\S+){0,3}\s*$/.test(before));
    return near && !/\b(?:about|to|with|by|from|against|on|at|in|and|than|like)\s+(?:\S+\s+){0,5}$/i.test(firstClause);
  }

  /** The sentence at `pos` says its speaker is anonymous. */
  #anonymous(pos: number): boolean {
    const sentence = this.#sentenceAt(pos);
    if (!sentence) return false;
    return /\b(?:not to be named|on condition of anonymity|condition of anonymity|declined to be named|speaking anonymously|requested anonymity|asked for anonymity|not authori[sz]ed to (?:speak|comment|discuss))\b/i.test(this.#doc.text.slice(sentence.start, sentence.end));
  }

  #isObject(m: Mention): boolean {
    const before = this.#doc.text.slice(Math.max(0, m.start - 30), m.start);
    // "the dismissal of editor Omar Haddad": a lower-case role between the preposition and the name.
    return /\b(?:about|to|with|for|of|by|from|against|on|at|in|than|like|asked|told|thanked|praised|criticized|criticised|called|met|beat|defeated)\s+(?:the\s+)?(?:\p{Ll}+\s+){0,2}$/u.test(before) || /['’]s\b/.test(this.#doc.text.slice(m.end, m.end + 2));
  }

  #resolvePronoun(pronoun: 'he' | 'she', pos: number): Resolution {
    const named = this.#resolveNamedPronoun(pronoun, pos);
    // "he" or "she" is one person: not a group, a document or an outlet ("court documents", "the report").
    const unnamed = this.#lastUnnamed(pos, (u) => {
      const head = u.description.toLowerCase().split(/\s+/).pop() ?? '';
      return !/\b(?:they|officials|sources|people|groups?)\b/i.test(u.description) && !DOCUMENT_HEADS.has(head) && !MEDIA_HEADS.has(head) && !(/[^s]s$/.test(head) && !isRoleWord(head));
    });
    if (unnamed && this.#blockIndex(pos) - this.#blockIndex(unnamed.pos) <= 1 && unnamed.pos > named.pos) return { kind: 'unnamed', description: unnamed.description };
    return named.resolution;
  }

  #resolveNamedPronoun(pronoun: 'he' | 'she', pos: number): { resolution: Resolution; pos: number } {
    const want: Gender = pronoun === 'she' ? 'f' : 'm';
    const minBlock = this.#blockIndex(pos) - 3;
    let fallback: Mention | null = null;
    // The last named speaker is a candidate too, placed where they were named ("…," said Jane Doe. She added …).
    const lastPerson = this.#lastSpoken(pos, (h) => h.ref.type === 'person' && (h.entity === null || (this.#gender.get(h.entity) ?? want) === want));
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (m.start >= pos || m.type !== 'person') continue;
      if (this.#blockIndex(m.start) < minBlock) break;
      if (this.#isQuoted(m.start)) continue;
      const g = this.#gender.get(m.entity);
      if (g && g !== want) continue;
      if (lastPerson && lastPerson.pos > m.start && lastPerson.entity !== m.entity) return { resolution: { kind: 'named', ref: lastPerson.ref, entity: lastPerson.entity }, pos: lastPerson.pos };
      // A speaker named again as an object ("asked about Amaral's comments") is no antecedent for a subject pronoun.
      if (this.#isSubject(m) || (this.#history.some((h) => h.entity === m.entity) && !this.#isObject(m))) return { resolution: this.#named(m, '', ''), pos: m.start };
      fallback ??= m;
    }
    // A person who spoke nearby is a better antecedent than one only named as an object since
    // ("Pink says she is not separated from her husband, Carey Hart. … she said").
    if (fallback && lastPerson && this.#blockIndex(pos) - this.#blockIndex(lastPerson.pos) <= 3 && !this.#history.some((h) => h.entity === fallback!.entity)) return { resolution: { kind: 'named', ref: lastPerson.ref, entity: lastPerson.entity }, pos: lastPerson.pos };
    if (fallback) return { resolution: this.#named(fallback, '', ''), pos: fallback.start };
    const compatible = (entity: number | null) => entity === null || (this.#gender.get(entity) ?? want) === want;
    const last = this.#lastSpoken(pos, (h) => h.ref.type === 'person' && compatible(h.entity));
    if (last) return { resolution: { kind: 'named', ref: last.ref, entity: last.entity }, pos: last.pos };
    // Nobody fits nearby: a profile's "she" is its protagonist, the person named most often before.
    const counts = new Map<number, number>();
    for (const m of this.#mentions) if (m.start < pos && m.type === 'person' && compatible(m.entity)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    const protagonist = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (protagonist && protagonist[1] >= 3) {
      const m = [...this.#mentions].reverse().find((x) => x.entity === protagonist[0] && x.start < pos)!;
      return { resolution: this.#named(m, '', ''), pos: m.start };
    }
    return { resolution: { kind: 'unnamed', description: pronoun }, pos: -1 };
  }

  /** A definite description ("the 27-year-old", "the British player") read like a pronoun of unknown gender. */
  #resolveDescription(pos: number, gender?: Gender): Resolution | null {
    // "the actress" is no one the article has shown to be a man.
    // With a gendered role, only a person the article shows to be of that gender: "the mother" is not the judge
    // who spoke last, whose gender the article never says.
    const fits = (entity: number | null) => !gender || (entity !== null && this.#gender.get(entity) === gender);
    const last = this.#lastSpoken(pos, (h) => h.ref.type === 'person' && fits(h.entity));
    if (last && this.#blockIndex(pos) - this.#blockIndex(last.pos) <= 1) return { kind: 'named', ref: last.ref, entity: last.entity };
    if (gender) {
      // Only someone the article shows to be of that gender: a guess of unknown gender is no better than none.
      const one = this.#resolvePronoun(gender === 'f' ? 'she' : 'he', pos);
      return one.kind === 'named' && one.entity !== null && this.#gender.get(one.entity) === gender ? one : null;
    }
    const he = this.#resolvePronoun('he', pos);
    const she = this.#resolvePronoun('she', pos);
    if (he.kind === 'named' && she.kind === 'named' && he.ref.name !== she.ref.name) return null;
    return he.kind === 'named' ? he : she.kind === 'named' ? she : null;
  }

  #resolvePlural(pos: number, phrase: string): Resolution {
    const last = this.#lastSpoken(pos);
    if (last && last.ref.type === 'organization' && this.#blockIndex(pos) - this.#blockIndex(last.pos) <= 2) return { kind: 'named', ref: last.ref, entity: last.entity };
    return { kind: 'unnamed', description: phrase };
  }

  /** "it said": the organization last speaking or last named as a sentence's subject, nearby. */
  #resolveIt(pos: number, phrase: string): Resolution {
    const minBlock = this.#blockIndex(pos) - 2;
    const last = this.#lastSpoken(pos);
    // "The ministry also said … 'The damages are …,' it noted": a body that spoke unnamed is "it" too.
    const body = this.#lastUnnamed(pos, (u) => ORGANIZATION_HEADS.has(u.description.toLowerCase().split(/\s+/).pop() ?? ''));
    const bodyNear = body && this.#blockIndex(pos) - this.#blockIndex(body.pos) <= 2 && !(last && last.ref.type === 'organization' && last.pos > body.pos) ? body : null;
    let fallback: Mention | null = null;
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (m.start >= pos || m.type !== 'organization') continue;
      if (this.#blockIndex(m.start) < minBlock) break;
      if (this.#isQuoted(m.start)) continue;
      if ((last && last.ref.type === 'organization' && last.pos > m.start) || (bodyNear && bodyNear.pos > m.start)) break;
      if (this.#isSubject(m)) return this.#namedOrganization(m);
      fallback ??= m;
    }
    if (bodyNear) return { kind: 'unnamed', description: bodyNear.description };
    if (last && last.ref.type === 'organization' && this.#blockIndex(pos) - this.#blockIndex(last.pos) <= 2) return { kind: 'named', ref: last.ref, entity: last.entity };
    if (fallback) return this.#namedOrganization(fallback);
    return { kind: 'unnamed', description: phrase };
  }

  #organizationBefore(pos: number, head: string): Resolution | null {
    const named = (entity: ExtractedEntity) => {
      const names = [entity.name, ...entity.aliases].join(' ').toLowerCase();
      return names.includes(head) || (HEAD_SYNONYMS[head] ?? []).some((w) => names.includes(w));
    };
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (m.type === 'organization' && named(this.#entities[m.entity]!)) return this.#namedOrganization(m);
    }
    // "police", "the court", "the embassy" without a body carrying the word stay unnamed: an
    // unrelated organization of the article ("a Walmart store") did not speak for them.
    if (!ABOUT_FALLBACK_HEADS.has(head)) return null;
    // No organization carries the word: the one the article is about. Score the nearby
    // organizations by how often they are named, whether they spoke, and (for "the
    // company") whether their name marks a business; the nearest wins ties.
    const minBlock = this.#blockIndex(pos) - 3;
    const counts = new Map<number, number>();
    for (const m of this.#mentions) if (m.type === 'organization' && m.start < pos) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    let best: { m: Mention; score: number } | null = null;
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (m.type !== 'organization') continue;
      if (this.#blockIndex(m.start) < minBlock) break;
      const entity = this.#entities[m.entity]!;
      // A newspaper reporting the story is not "the company" or "the agency" it reports on.
      if ([entity.name, ...entity.aliases].some((n) => MEDIA_NAME.test(n))) continue;
      // Nor is a union, a ministry or a court "the company".
      if (COMPANY_HEADS.has(head) && NOT_A_BUSINESS.test(entity.name)) continue;
      const spoke = this.#history.some((h) => h.entity === m.entity);
      const business = COMPANY_HEADS.has(head) && (COMPANY_NAME.test(entity.name) || entity.aliases.some((a) => COMPANY_NAME.test(a)));
      const score = (counts.get(m.entity) ?? 0) + (spoke ? 2 : 0) + (business ? 2 : 0);
      if (!best || score > best.score) best = { m, score };
    }
    if (best) return this.#namedOrganization(best.m);
    const spoke = this.#organizationSpokeNearby(pos);
    return spoke?.kind === 'named' && COMPANY_HEADS.has(head) && NOT_A_BUSINESS.test(spoke.ref.name) ? null : spoke;
  }

  #documentBefore(pos: number, head: string): Resolution | null {
    const m = this.#mentionBefore(pos, 'document', (entity) => head === 'document' || entity.name.toLowerCase().includes(head));
    if (!m) return null;
    const entity = this.#entities[m.entity]!;
    return { kind: 'named', ref: { name: entity.name, type: 'document', aliases: entity.aliases.filter((a) => a !== entity.name), titles: [] }, entity: m.entity };
  }


  /** A lead's "the country's regulator said" names the organization a paragraph or two later. */
  #organizationAfter(pos: number, head: string): Resolution | null {
    const limit = this.#blockIndex(pos) + 2;
    for (let i = this.#lastMentionBefore(pos) + 1; i < this.#mentions.length; i++) {
      const m = this.#mentions[i]!;
      if (this.#blockIndex(m.start) > limit) break;
      if (m.type !== 'organization') continue;
      const entity = this.#entities[m.entity]!;
      const names = [entity.name, ...entity.aliases].join(' ').toLowerCase();
      if (names.includes(head.slice(0, 6)) || (HEAD_SYNONYMS[head] ?? []).some((w) => names.includes(w))) return this.#namedOrganization(m);
    }
    return null;
  }

  /**
   * The organization written with an unnamed holder of `role` before `pos`, within four
   * paragraphs: "a Northwind Airlines spokeswoman", "Twitter's representative", "a
   * spokesperson for the ministry".
   */
  #bodyWithUnnamedRole(pos: number, role: string): Resolution | null {
    const word = /^spokes/.test(role) ? 'spokes(?:person|man|woman|people)' : role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const after = new RegExp(`^(?:['’]s)?\\s+(?:\\p{Ll}+\\s+)?${word}\\b`, 'u');
    const before = new RegExp(`\\b${word}\\s+(?:for|of|at|from|with)\\s+(?:the\\s+)?$`, 'i');
    const text = this.#doc.text;
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const c = this.#mentions[i]!;
      if (this.#blockIndex(c.start) < this.#blockIndex(pos) - 4) break;
      if (c.type !== 'organization' || c.start >= pos) continue;
      if (after.test(text.slice(c.end, c.end + 40)) || before.test(text.slice(Math.max(0, c.start - 40), c.start))) return this.#namedOrganization(c);
    }
    return null;
  }

  #personWithRoleBefore(pos: number, role: string): Resolution | null {
    const unnamed = this.#lastUnnamed(pos, (u) => u.description.toLowerCase().includes(role));
    for (let i = this.#history.length - 1; i >= 0; i--) {
      const h = this.#history[i]!;
      if (unnamed && unnamed.pos > h.pos) break;
      if (h.pos < pos && h.ref.titles.some((t) => t.toLowerCase().includes(role))) return { kind: 'named', ref: h.ref, entity: h.entity };
    }
    // "A Western diplomat … said" then "the diplomat said": still unnamed.
    if (unnamed) return { kind: 'unnamed', description: unnamed.description };
    for (let i = this.#lastMentionBefore(pos); i >= 0; i--) {
      const m = this.#mentions[i]!;
      if (m.start >= pos || m.type !== 'person') continue;
      const e = this.#entities[m.entity]!;
      if ((e.titles ?? []).some((t) => t.toLowerCase().includes(role)) || this.#roleNextTo(m, role)) return this.#named(m, '', '');
    }
    return null;
  }

  /**
   * Whether the role is written as this person's: before the name in its own
   * clause ("defense attorney Abbe Lowell") or in an appositive after it
   * ("Michael Cohen, the former attorney of …"). "the attorney of President
   * Donald Trump" is someone else's role.
   */
  #roleNextTo(m: Mention, role: string): boolean {
    const text = this.#doc.text;
    const before = (text.slice(Math.max(0, m.start - 60), m.start).split(/[,;:!?"“”]|\.\s/).pop() ?? '').toLowerCase();
    const word = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = [...before.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].pop()?.index ?? -1;
    if (at >= 0 && !/\b(?:of|for|to|with|by)\b/.test(before.slice(at + role.length))) return true;
    const after = text.slice(m.end, m.end + 60).toLowerCase();
    return new RegExp(`^,\\s*(?:[^,.;]*\\s)?${word}\\b`).test(after);
  }

  #personWithRoleAfter(pos: number, role: string): Resolution | null {
    const found = this.#personWithRoleNamedAfter(pos, role);
    if (found || this.#blockIndex(pos) > 0) return found;
    // A lead describes ("Scotland's transport minister has said …", "A former manager testified …")
    // and the next paragraph opens with the name: its first subject is the speaker.
    const next = this.#doc.blocks[this.#blockIndex(pos) + 1];
    if (!next) return null;
    for (let i = this.#lastMentionBefore(next.start) + 1; i < this.#mentions.length; i++) {
      const m = this.#mentions[i]!;
      if (m.start >= next.end) break;
      if (m.type === 'person') return this.#isSubject(m) ? this.#named(m, '', '') : null;
    }
    return null;
  }

  #personWithRoleNamedAfter(pos: number, role: string): Resolution | null {
    const limit = this.#blockIndex(pos) + 2;
    for (const m of this.#mentions) {
      if (m.start < pos || m.type !== 'person') continue;
      if (this.#blockIndex(m.start) > limit) break;
      const e = this.#entities[m.entity]!;
      // The role may come before the name ("Transport Minister Jane Doe") or after it ("Jane Doe, the transport minister").
      const around = this.#doc.text.slice(Math.max(0, m.start - 50), m.end + 50).toLowerCase();
      if ((e.titles ?? []).some((t) => t.toLowerCase().includes(role)) || around.includes(role)) return this.#named(m, '', '');
    }
    return null;
  }

  #personBySurname(name: string, pos: number): Resolution | null {
    // The latest person mention before `pos` whose name has the word, found by a binary
    // search in that word's mentions: walking back through every mention was quadratic.
    const indices = this.#personMentionsByWord().get(name.toLowerCase());
    if (!indices) return null;
    const last = this.#lastMentionBefore(pos);
    let lo = 0;
    let hi = indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (indices[mid]! <= last) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const m = this.#mentions[indices[k]!]!;
      if (m.start < pos) return this.#named(m, '', '');
    }
    return null;
  }

  #byWord: Map<string, number[]> | null = null;

  /** Indices into the mentions of people, by each lowercase word of the person's name, ascending. */
  #personMentionsByWord(): Map<string, number[]> {
    if (this.#byWord) return this.#byWord;
    const byWord = new Map<string, number[]>();
    this.#mentions.forEach((m, i) => {
      if (m.type !== 'person') return;
      for (const word of new Set(this.#entities[m.entity]!.name.toLowerCase().split(/\s+/))) {
        const list = byWord.get(word);
        if (list) list.push(i);
        else byWord.set(word, [i]);
      }
    });
    return (this.#byWord = byWord);
  }
}

/**
 * A single capitalized word that is an ordinary English word and no known
 * personal name ("Reportedly", "According", "Social", "Friday"): capitalized
 * by its place in the sentence, never a speaker the entity stage missed.
 */
function isOrdinaryWord(name: string): boolean {
  if (/\s/.test(name)) return false;
  const word = name.replace(/['’]s?$/, '');
  if (/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/.test(word)) return true;
  return !isPersonalName(word) && (wordFlags(word) & (WORD_CONTENT | WORD_ENGLISH | WORD_FUNCTION)) !== 0;
}

function genderOf(text: string): Gender | null {
  if (FEMALE.test(text)) return 'f';
  if (MALE.test(text)) return 'm';
  return null;
}

/** ", a spokeswoman for the ministry," → ["spokeswoman for the ministry"]. */
function appositiveTitle(appositive: string): string[] {
  const t = appositive.replace(/^[\s,]+|[\s,]+$/g, '').replace(/^(?:a|an|the)\s+/i, '');
  if (!t || t.split(/\s+/).length > 10) return [];
  return t.split(/\s+/).some((w) => isRoleWord(w.toLowerCase())) ? [t] : [];
}

/** Titles as attributes: no determiners or possessive owners, role words in lower case. */
export function cleanTitles(titles: string[]): string[] {
  const out: string[] = [];
  for (const raw of titles) {
    // Quotation marks, dashes and a joining "and" around a title are the sentence's, not the title's.
    let t = raw.replace(/^[\s,"“”'‘’—–-]+|[\s,"“”'‘’—–-]+$/g, '').replace(/^(?:and|or|but)\s+/i, '').replace(/^(?:a|an|the|former|then-)\s+/i, '').replace(/\s*\b(?:Dr|Mr|Mrs|Ms|Prof)\.?$/, '').trim();
    // "who became chief executive this year" tells a story about the person; it is no title.
    if (!t || /^(?:who|whom|whose|which|that)\b/i.test(t)) continue;
    if (!t.split(/\s+/).some((w) => isRoleWord(w.toLowerCase().replace(/[^a-z-]/g, '')))) continue;
    // A single role word capitalized only because it starts the sentence.
    if (!/\s/.test(t) && isRoleWord(t.toLowerCase())) t = t.toLowerCase();
    if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}
