/**
 * One generated news article: front matter and a Markdown body of 300–1,500
 * words in the shape of wire copy and newspaper stories. A dateline opens
 * most of them; people are introduced once by full name with a title or a
 * role, then called by surname (or "Ms. X" where the outlet uses
 * honorifics) or a pronoun; quotes come direct, partial, split around
 * their attribution and over several paragraphs, beside reported speech,
 * background with organizations whose acronym is defined once, image
 * captions and credit lines. Everything is drawn from the cast and word
 * lists by a stream seeded with the article's index.
 */
import type { Cast, Country, Organization, Speaker } from './cast.ts';
import { Random } from './random.ts';
import {
  BACKGROUND_SENTENCES, COUNTRIES, JUDGEMENTS, MONTHS, OUTLETS, PARTIAL_QUOTES, QUOTE_SENTENCES, REPORTED_SENTENCES,
  STAFF_GIVEN, STAFF_SURNAMES, TIMES, TOPICS, WEEKDAYS, type Topic,
} from './word-lists.ts';

type Outlet = (typeof OUTLETS)[number];

/** The first and last day articles are dated (several years, none in the future). */
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2025, 5, 30);
const DAY_MS = 86_400_000;

/** An article before it is written to disk. */
export interface ArticleDraft {
  /** Path relative to the corpus folder (`2023/2023-03-09-….md`). */
  path: string;
  date: string;
  title: string;
  /** The whole file: front matter and body. */
  value: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lowercase ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Writes one article; `taken` holds the date-and-title keys already used, so two articles never share a page. */
export function generateArticle(cast: Cast, seed: number | string, index: number, taken: Set<string>): ArticleDraft {
  const random = new Random(seed, `article ${index}`);
  return new ArticleWriter(cast, random, index).write(taken);
}

class ArticleWriter {
  private readonly outlet: Outlet;
  private readonly topic: Topic;
  private readonly country: Country;
  private readonly city: string;
  private readonly day: Date;
  private readonly people: Speaker[];
  private readonly organizations: Organization[];
  /** People already introduced by full name. */
  private readonly introduced = new Set<Speaker>();
  /** Organizations already named in full (an acronym is defined at the first). */
  private readonly named = new Set<Organization>();
  /** Who spoke in the paragraph before, for "she said". */
  private lastSpeaker: Speaker | null = null;
  /** Sentence templates and phrases already used here: a writer does not repeat a sentence. */
  private readonly used = new Set<string>();

  constructor(
    private readonly cast: Cast,
    private readonly random: Random,
    private readonly index: number,
  ) {
    this.outlet = random.pick(OUTLETS);
    this.topic = random.pick(TOPICS);
    this.country = random.pick(COUNTRIES);
    this.city = random.chance(0.6) ? this.country.capital : random.pick(this.country.cities);
    this.day = new Date(FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS);
    const pool = cast.byTopic.get(this.topic.name) ?? cast.speakers;
    // Two to five people with different surnames, so a surname names one of them.
    const people: Speaker[] = [];
    for (let tries = 0; people.length < random.int(2, 5) && tries < 40; tries++) {
      const candidate = random.pickSkewed(pool);
      if (!people.some((p) => p.surname === candidate.surname)) people.push(candidate);
    }
    this.people = people;
    const bodies = cast.bodies.filter((b) => this.topic.domains.includes(b.domain));
    this.organizations = random.sample(bodies.length ? bodies : cast.bodies, 2);
  }

  private get isoDate(): string {
    return this.day.toISOString().slice(0, 10);
  }

  /** The article's date as a dateline writes it ("March 3"). */
  private get monthDay(): string {
    return `${MONTHS[this.day.getUTCMonth()]} ${this.day.getUTCDate()}`;
  }

  /** A weekday the lead can say things happened on: the day itself or the day before. */
  private leadWeekday(): string {
    const back = this.random.chance(0.5) ? 0 : 1;
    return WEEKDAYS[(this.day.getUTCDay() + 7 - back) % 7] as string;
  }

  private name(text: string): string {
    return this.outlet.ascii ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  }

  private quoted(text: string): string {
    return this.outlet.curly ? `\u201c${text}\u201d` : `"${text}"`;
  }

  private open(): string {
    return this.outlet.curly ? '\u201c' : '"';
  }

  /** A later mention: surname, or "Ms. Surname" in an outlet that uses honorifics. */
  private ref(s: Speaker): string {
    const surname = this.name(s.surname);
    return this.outlet.honorifics ? `${s.pronoun === 'she' ? 'Ms.' : 'Mr.'} ${surname}` : surname;
  }

  /** A template or phrase not used yet in this article (any, once all are used). */
  private fresh(list: readonly string[]): string {
    const unused = list.filter((t) => !this.used.has(t));
    const pick = this.random.pick(unused.length ? unused : list);
    this.used.add(pick);
    return pick;
  }

  /** The first mention with a title glued on ("Finance Minister Maria Okonkwo"), or the name alone. */
  private titled(s: Speaker): string {
    if (!s.title) return this.name(s.full);
    const title = s.title === 'Chief Executive' && s.organization ? `${s.organization.name} Chief Executive` : s.title;
    return `${title} ${this.name(s.full)}`;
  }

  /** The first mention with the role after the name ("Maria Okonkwo, the chief executive of Veltro Group"). */
  private withRole(s: Speaker): string {
    const org = s.organization;
    let role = s.roleNear && org && this.named.has(org) && this.random.chance(0.7) ? s.roleNear : s.role;
    // A body named for the first time in a role defines its acronym there, as writers do.
    if (org && !this.named.has(org) && org.acronym) role = role.replace(org.name, `${org.name} (${org.acronym})`);
    if (org) this.named.add(org);
    return `${this.name(s.full)}, ${role}`;
  }

  private fill(template: string): string {
    const r = this.random;
    // Slots are filled lazily: a draw (and an organization's first naming) happens only where the template has its slot.
    const slots: Record<string, () => string> = {
      Object: () => capitalize(r.pick(this.topic.objects)),
      object: () => r.pick(this.topic.objects),
      action: () => r.pick(this.topic.actions),
      group: () => r.pick(this.topic.groups),
      Group: () => capitalize(r.pick(this.topic.groups)),
      judgement: () => r.pick(JUDGEMENTS),
      time: () => r.pick(TIMES),
      money: () => (r.chance(0.5) ? `$${r.int(2, 90) / 10} billion` : `${r.int(20, 900)} million euros`),
      place: () => r.pick([this.city, ...this.country.cities]),
      year: () => String(this.day.getUTCFullYear() - r.int(1, 6)),
      percent: () => String(r.int(2, 19)),
      thousands: () => String(r.int(2, 80)),
      Company: () => r.pick(this.cast.companies).name,
      Org: () => this.organization(),
    };
    const filled = template.replace(/\{(\w+)\}/g, (slot, name: string) => slots[name]?.() ?? slot);
    // Plural things take plural verbs ("the new tariffs are").
    return filled.replace(/\b((?:rules|tariffs|lists|permits|cuts|defences|closures|repairs)) (is|has|was)\b/g, (_, noun: string, verb: string) => `${noun} ${verb === 'is' ? 'are' : verb === 'has' ? 'have' : 'were'}`);
  }

  /** An organization mention: in full with its acronym the first time, the acronym or "the agency" after. */
  private organization(): string {
    const org = this.random.pick(this.organizations);
    if (!this.named.has(org)) {
      this.named.add(org);
      return org.acronym ? `the ${org.name} (${org.acronym})` : `the ${org.name}`;
    }
    return org.acronym && this.random.chance(0.7) ? `the ${org.acronym}` : `the ${org.noun}`;
  }

  /** One to three sentences someone says. */
  private speech(count = this.random.int(1, 3)): string[] {
    return Array.from({ length: count }, () => this.fill(this.fresh(QUOTE_SENTENCES)));
  }

  /** A speech ending in a comma, for `"…," she said`. */
  private static trailingComma(sentences: string[]): string {
    const text = sentences.join(' ');
    return /[.!]$/.test(text) ? `${text.slice(0, -1)},` : text;
  }

  private pickSpeaker(): Speaker {
    // Stay with the last speaker now and then; otherwise someone, new people first until all have spoken.
    if (this.lastSpeaker && this.random.chance(0.3)) return this.lastSpeaker;
    const fresh = this.people.filter((p) => !this.introduced.has(p));
    return fresh.length && this.random.chance(0.6) ? this.random.pick(fresh) : this.random.pick(this.people);
  }

  /** A direct quote with its attribution in one of the usual places. */
  private directQuote(s: Speaker): string {
    const r = this.random;
    const words = this.speech();
    const said = r.pick(['said', 'said', 'said', 'told reporters', 'said in a statement', 'added', 'told the ' + this.outlet.name.replace(/^The /, '')]);
    let out: string;
    if (!this.introduced.has(s)) {
      const form = r.int(0, 3);
      if (form === 0 && s.title) out = `${this.quoted(ArticleWriter.trailingComma(words))} said ${this.titled(s)}.`;
      else if (form <= 1) out = `${this.quoted(ArticleWriter.trailingComma(words))} said ${this.withRole(s)}.`;
      else if (form === 2) out = `${this.quoted(ArticleWriter.trailingComma(words))} ${this.withRole(s)}, ${said}.`;
      else out = `${s.title && r.chance(0.5) ? this.titled(s) : this.withRole(s) + ','} ${said === 'added' ? 'said' : said}: ${this.quoted(words.join(' '))}`;
      this.introduced.add(s);
    } else {
      const who = this.lastSpeaker === s && r.chance(0.5) ? s.pronoun : this.ref(s);
      const form = r.int(0, 2);
      if (form === 0) out = `${this.quoted(ArticleWriter.trailingComma(words))} ${who} ${said}.`;
      else if (form === 1 && who !== s.pronoun) out = `${this.quoted(ArticleWriter.trailingComma(words))} said ${who}.`;
      else out = `${capitalize(who)} ${said === 'added' ? 'added' : 'said'}: ${this.quoted(words.join(' '))}`;
    }
    return out;
  }

  /** `"…," she said. "…"`: one quote split around its attribution. */
  private splitQuote(s: Speaker): string {
    const first = this.speech(1);
    const rest = this.speech(this.random.int(1, 2));
    const who = this.introduced.has(s) ? (this.lastSpeaker === s ? s.pronoun : this.ref(s)) : this.withRole(s) + ',';
    this.introduced.add(s);
    const verb = who.endsWith(',') ? 'said' : this.random.pick(['said', 'added', 'said']);
    return `${this.quoted(ArticleWriter.trailingComma(first))} ${who} ${verb}. ${this.quoted(rest.join(' '))}`;
  }

  /** A few quoted words inside the writer's own sentence. */
  private partialQuote(s: Speaker): string {
    const who = this.introduced.has(s) ? this.ref(s) : this.withRole(s) + ',';
    this.introduced.add(s);
    const phrase = this.quoted(this.fresh(PARTIAL_QUOTES));
    const object = this.random.pick(this.topic.objects);
    const tail = this.fill(this.random.pick([' and said {group} would be consulted.', ', adding that talks would continue {time}.', '.', ' in a speech in {place}.']));
    return this.random.chance(0.5)
      ? `${who} called ${object} ${phrase}${tail}`
      : `${who} described ${object} as ${phrase}${tail}`;
  }

  /** Reported speech: what someone said without quote marks. */
  private reportedSpeech(s: Speaker): string {
    const template = this.fresh(REPORTED_SENTENCES);
    let who: string;
    if (!this.introduced.has(s)) who = s.title && this.random.chance(0.5) ? this.titled(s) : this.withRole(s) + ',';
    else who = this.lastSpeaker === s && this.random.chance(0.5) ? capitalize(s.pronoun) : this.ref(s);
    if (template.includes('{S}')) this.introduced.add(s);
    return capitalize(this.fill(template).replace('{S}', who));
  }

  /** A quote over two or three paragraphs: only the last closes its quote mark. */
  private multiParagraphQuote(s: Speaker): string[] {
    const who = this.introduced.has(s) ? this.ref(s) : this.withRole(s) + ',';
    this.introduced.add(s);
    const paragraphs = [`${capitalize(who)} said in a statement: ${this.open()}${this.speech(2).join(' ')}`];
    const more = this.random.int(1, 2);
    for (let i = 0; i < more; i++) {
      const text = this.speech(this.random.int(1, 2)).join(' ');
      paragraphs.push(i === more - 1 ? this.quoted(text) : `${this.open()}${text}`);
    }
    return paragraphs;
  }

  private background(): string {
    return Array.from({ length: this.random.int(2, 4) }, () => this.fill(this.fresh(BACKGROUND_SENTENCES))).join(' ');
  }

  private staff(): string {
    return `${this.random.pick(STAFF_GIVEN)} ${this.random.pick(STAFF_SURNAMES)}`;
  }

  /** An image and its caption, naming someone of the article. */
  private caption(): string[] {
    const s = this.random.pick(this.people);
    const where = this.random.pick([this.city, this.country.capital]);
    const credit = `${this.staff()}/${this.outlet.agency ?? this.outlet.name}`;
    const text = `${this.name(s.full)}, ${s.role}, speaks to reporters in ${where} on ${this.monthDay}, ${this.day.getUTCFullYear()}.`;
    const image = `![${text.replace(/[[\]]/g, '')}](https://images.${this.outlet.domain}/${this.day.getUTCFullYear()}/${this.index}-${this.random.int(1, 9)}.jpg)`;
    return this.random.chance(0.5) ? [image, `*${text} Photo: ${credit}*`] : [image, `FILE PHOTO: ${text} ${credit.toUpperCase()}`];
  }

  /** The dateline that opens the body, or '' (some outlets and broadcasters use none). */
  private dateline(): string {
    const place = this.city.toUpperCase();
    if (this.outlet.style === 'wire') {
      const form = this.random.int(0, 2);
      if (form === 0) return `${place}, ${this.monthDay} (${this.outlet.agency}) - `;
      if (form === 1) return `${place}, ${this.monthDay} (${this.outlet.agency}) -- `;
      return `${place} (${this.outlet.agency}) \u2014 `;
    }
    if (this.outlet.style === 'newspaper' && this.random.chance(0.4)) return `${place} \u2014 `;
    return '';
  }

  /** The opening paragraph: who did or said what, on which day. */
  private lead(first: Speaker): string {
    const r = this.random;
    const weekday = this.leadWeekday();
    const object = r.pick(this.topic.objects);
    if (r.chance(0.6)) {
      this.introduced.add(first);
      this.lastSpeaker = first;
      const who = first.title ? this.titled(first) : this.withRole(first) + ',';
      return `${who} said on ${weekday} that ${this.fill('the government would {action} {time}')}, in a move that could reshape ${object} for ${r.pick(this.topic.groups)}.`;
    }
    return capitalize(`${r.pick(this.topic.groups)} in ${this.city} reacted angrily on ${weekday} to ${object}, as pressure grew on officials to ${r.pick(this.topic.actions)}.`);
  }

  private title(): string {
    const r = this.random;
    const s = this.people[0];
    const headline = r.pick(this.topic.headlines);
    const forms = [
      `${headline}: ${capitalize(r.pick(this.topic.groups))} in ${this.city} push back`,
      `${s ? this.name(s.surname) : 'Minister'} vows to ${r.pick(this.topic.actions)}`,
      `${headline} ${r.pick(['stalls', 'advances', 'faces new test', 'divides lawmakers', 'wins backing'])} in ${this.city}`,
      `${this.country.demonym} officials ${r.pick(['weigh', 'defend', 'delay', 'rethink'])} ${r.pick(this.topic.objects).replace(/^the /, '')}`,
      `${r.pick(this.cast.companies).name} ${r.pick(['warns on', 'welcomes', 'braces for'])} ${r.pick(this.topic.objects).replace(/^the /, '')}`,
    ];
    return r.pick(forms);
  }

  write(taken: Set<string>): ArticleDraft {
    const r = this.random;
    const title = this.title();
    const date = this.isoDate;
    const slug = `${slugify(title)}-${this.index}`;
    const key = `${date}|${slugify(title)}`;
    const collides = taken.has(key);
    taken.add(key);
    // Fewer long articles than short ones, as in the news: the smaller of two draws.
    const targetWords = Math.min(r.int(300, 1500), r.int(300, 1500));
    const first = this.people[0] as Speaker;
    const datelineText = this.dateline();
    const paragraphs: string[] = [datelineText + this.lead(first)];
    let words = countWords(paragraphs[0] as string);
    let quotes = 0;
    while (words < targetWords - 20 || quotes < 2) {
      const roll = r.int(0, 99);
      let added: string[];
      const s = this.pickSpeaker();
      // About a dozen quotes in a 700-word article, the density of wire copy.
      if (roll < 22) (added = [this.directQuote(s)]), quotes++;
      else if (roll < 28) (added = [this.splitQuote(s)]), quotes++;
      else if (roll < 35) (added = [this.partialQuote(s)]), quotes++;
      else if (roll < 47) added = [this.reportedSpeech(s)];
      else if (roll < 50) (added = this.multiParagraphQuote(s)), quotes++;
      else if (roll < 53 && paragraphs.length > 2) added = this.caption();
      else if (roll < 55 && this.outlet.style === 'newspaper' && paragraphs.length > 3) added = [`## ${r.pick(this.topic.headlines)}`];
      else added = [this.background()];
      if (!added[0]?.startsWith('!') && !added[0]?.startsWith('##') && added.some((p) => /said|told|added|called|described/.test(p))) this.lastSpeaker = s;
      else this.lastSpeaker = null;
      paragraphs.push(...added);
      words += countWords(added.join(' '));
      if (words > 1500) break;
    }
    if (this.outlet.style === 'wire') paragraphs.push(`(Reporting by ${this.staff()}; Editing by ${this.staff()})`);

    const year = String(this.day.getUTCFullYear());
    const frontMatter: [string, string][] = [['title', title], ['date', date], ['source', this.outlet.name]];
    frontMatter.push(['url', `https://${this.outlet.domain}/${year}/${date.slice(5, 7)}/${slug}`]);
    if (r.chance(0.7)) frontMatter.push(['byline', r.chance(0.8) ? this.staff() : `${this.staff()} and ${this.staff()}`]);
    // Some outlets give the dateline in the metadata rather than the text; it then agrees with the text.
    if (!datelineText && r.chance(0.4)) frontMatter.push(['dateline', `${this.city.toUpperCase()}, ${this.monthDay}`]);
    if (collides) frontMatter.push(['slug', slug]);
    // YAML accepts JSON strings, so every value is written quoted: colons and quote marks in titles are safe.
    const head = frontMatter.map(([k, v]) => `${k}: ${k === 'date' ? v : JSON.stringify(v)}`).join('\n');
    return { path: `${year}/${date}-${slugify(title).slice(0, 60)}-${this.index}.md`, date, title, value: `---\n${head}\n---\n\n${paragraphs.join('\n\n')}\n` };
  }
}
