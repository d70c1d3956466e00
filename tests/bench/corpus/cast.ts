/**
 * The recurring people and bodies of a bench corpus, made once per seed from
 * the word lists: a few hundred speakers with a role (minister, chief
 * executive, spokesperson, economist, professor, union leader, mayor,
 * lawmaker), public bodies with acronyms, companies, unions. Articles draw
 * from this cast, so the same people recur across outlets and years, the
 * way the archive's speaker pages expect.
 */
import { Random } from './random.ts';
import {
  BODY_ADJECTIVES, BODY_DOMAINS, BODY_KINDS, COMPANY_KINDS, COMPANY_STEMS, COUNTRIES, FIELDS, GIVEN_NAMES, MINISTRIES,
  SURNAMES, TOPICS, UNION_MEMBERS, UNION_PREFIXES, type Topic,
} from './word-lists.ts';

export type Country = (typeof COUNTRIES)[number];

/** A public body, company or union. */
export interface Organization {
  name: string;
  /** Defined once per article ("the National Energy Agency (NEA)"), then used alone. */
  acronym: string | null;
  kind: 'body' | 'company' | 'union' | 'university';
  /** The noun a later mention uses ("the agency", "the company"). */
  noun: string;
  domain: string;
}

/** A person who speaks in the articles. */
export interface Speaker {
  given: string;
  surname: string;
  /** The full name as first written ("Daniel R. Okafor"). */
  full: string;
  pronoun: 'he' | 'she';
  /** A title glued before the name ("Finance Minister", "Mayor"), if the role has one. */
  title: string | null;
  /** The role after the name ("the chief executive of Veltro Group"). */
  role: string;
  /** The same role when its organization was just named ("the company's chief executive"). */
  roleNear: string | null;
  organization: Organization | null;
  country: Country;
  topic: Topic;
}

export interface Cast {
  speakers: Speaker[];
  /** Speakers by topic name, most quoted first (the order pickSkewed favours). */
  byTopic: Map<string, Speaker[]>;
  bodies: Organization[];
  companies: Organization[];
  unions: Organization[];
}

/** Letters of the capitalized words: "National Transport Safety Board" → "NTSB". */
function acronymOf(name: string): string {
  return name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
}

function makeBodies(random: Random): Organization[] {
  const out: Organization[] = [];
  const acronyms = new Set<string>();
  for (const domain of BODY_DOMAINS) {
    for (let attempt = 0, made = 0; attempt < 12 && made < 3; attempt++) {
      const kind = random.pick(BODY_KINDS);
      const name = `${random.pick(BODY_ADJECTIVES)} ${domain} ${kind}`;
      const acronym = acronymOf(name);
      if (acronyms.has(acronym) || out.some((o) => o.name === name)) continue;
      acronyms.add(acronym);
      out.push({ name, acronym, kind: 'body', noun: kind.toLowerCase(), domain });
      made++;
    }
  }
  return out;
}

function makeCompanies(random: Random): Organization[] {
  const out: Organization[] = [];
  for (const stem of COMPANY_STEMS) {
    for (const kind of random.sample(COMPANY_KINDS, 2)) out.push({ name: `${stem} ${kind}`, acronym: null, kind: 'company', noun: kind === 'Bank' ? 'bank' : 'company', domain: kind });
  }
  return out;
}

function makeUnions(random: Random): Organization[] {
  return UNION_MEMBERS.map((members) => ({ name: `${random.pick(UNION_PREFIXES)} ${members}`, acronym: null, kind: 'union' as const, noun: 'union', domain: members }));
}

/** A middle initial now and then, so "Daniel R. Okafor" and "Daniel Okafor" both occur as names. */
function fullName(random: Random, given: string, surname: string): string {
  return random.chance(0.12) ? `${given} ${String.fromCharCode(65 + random.int(0, 25))}. ${surname}` : `${given} ${surname}`;
}

/** Cabinet title and role of a minister of `country` for `ministry`. */
function ministerRole(country: Country, ministry: string): { title: string; role: string } {
  if (country.name === 'the United States') {
    const title = ministry === 'Foreign' ? 'Secretary of State' : `${ministry === 'Defence' ? 'Defense' : ministry} Secretary`;
    return { title, role: ministry === 'Foreign' ? 'the secretary of state' : `the ${title.toLowerCase()}` };
  }
  return { title: `${ministry} Minister`, role: `${country.name}'s ${ministry.toLowerCase()} minister` };
}

/** Makes the cast of a corpus: `size` speakers (a few hundred by default). */
export function makeCast(seed: number | string, size = 300): Cast {
  const random = new Random(seed, 'cast');
  const bodies = makeBodies(random);
  const companies = makeCompanies(random);
  const unions = makeUnions(random);
  const speakers: Speaker[] = [];
  const names = new Set<string>();
  while (speakers.length < size) {
    const [given, pronoun] = random.pick(GIVEN_NAMES);
    const surname = random.pick(SURNAMES);
    if (names.has(`${given} ${surname}`)) continue;
    names.add(`${given} ${surname}`);
    const topic = random.pick(TOPICS);
    const country = random.pick(COUNTRIES);
    const full = fullName(random, given, surname);
    const base = { given, surname, full, pronoun, country, topic };
    const kind = random.int(0, 9);
    let speaker: Speaker;
    if (kind <= 1) {
      const ministry = random.chance(0.85) ? topic.ministry : random.pick(MINISTRIES);
      const { title, role } = ministerRole(country, ministry);
      speaker = { ...base, title, role, roleNear: null, organization: null };
    } else if (kind <= 3) {
      const company = random.pick(companies);
      const post = random.pick(['chief executive', 'chief executive', 'chief financial officer', 'chairman']);
      const title = post === 'chief executive' ? 'Chief Executive' : null;
      speaker = { ...base, title, role: `the ${post} of ${company.name}`, roleNear: `the ${company.noun}'s ${post}`, organization: company };
    } else if (kind === 4) {
      const body = random.pick(bodies.filter((b) => topic.domains.includes(b.domain)).concat(bodies.slice(0, 1)));
      speaker = { ...base, title: null, role: `a spokesperson for the ${body.name}`, roleNear: `a spokesperson for the ${body.noun}`, organization: body };
    } else if (kind === 5) {
      const bank = random.pick(companies.filter((c) => c.domain === 'Bank' || c.domain === 'Capital').concat(companies.slice(0, 1)));
      speaker = { ...base, title: null, role: `${random.pick(['an economist', 'chief economist', 'an analyst'])} at ${bank.name}`, roleNear: null, organization: bank };
    } else if (kind === 6) {
      const city = random.pick(country.cities);
      const university: Organization = { name: `University of ${city}`, acronym: null, kind: 'university', noun: 'university', domain: city };
      speaker = { ...base, title: 'Professor', role: `a professor of ${random.pick(FIELDS)} at the ${university.name}`, roleNear: null, organization: university };
    } else if (kind === 7) {
      const union = random.pick(unions);
      speaker = { ...base, title: null, role: `president of the ${union.name}`, roleNear: `the union's president`, organization: union };
    } else if (kind === 8) {
      const city = random.pick([country.capital, ...country.cities]);
      speaker = { ...base, title: 'Mayor', role: `the mayor of ${city}`, roleNear: null, organization: null };
    } else {
      const body = random.pick(bodies.filter((b) => topic.domains.includes(b.domain)).concat(bodies.slice(0, 1)));
      speaker = { ...base, title: null, role: `the head of the ${body.name}`, roleNear: `the ${body.noun}'s head`, organization: body };
    }
    speakers.push(speaker);
  }
  const byTopic = new Map<string, Speaker[]>(TOPICS.map((t) => [t.name, speakers.filter((s) => s.topic === t)]));
  return { speakers, byTopic, bodies, companies, unions };
}
