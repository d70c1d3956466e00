/**
 * The small word lists the bench corpus is combined from, written for this
 * project (no article text from anywhere). Names are combined at random
 * from given names and surnames, organizations from name parts, quotes from
 * sentence templates with slots, so a few hundred lines of data give
 * thousands of distinct articles with recurring people and bodies.
 */

/** Given names, each with the pronoun the articles use for its bearer. */
export const GIVEN_NAMES: readonly (readonly [string, 'he' | 'she'])[] = [
  ['Maria', 'she'], ['Daniel', 'he'], ['Amara', 'she'], ['Tomasz', 'he'], ['Ingrid', 'she'], ['Rafael', 'he'],
  ['Priya', 'she'], ['Kwame', 'he'], ['Elena', 'she'], ['Hiroshi', 'he'], ['Fatima', 'she'], ['Lars', 'he'],
  ['Grace', 'she'], ['Mateo', 'he'], ['Aisha', 'she'], ['Piotr', 'he'], ['Sofia', 'she'], ['Oliver', 'he'],
  ['Nadia', 'she'], ['Samuel', 'he'], ['Leila', 'she'], ['Jonas', 'he'], ['Claire', 'she'], ['Viktor', 'he'],
  ['Hannah', 'she'], ['Tariq', 'he'], ['Beatriz', 'she'], ['Stefan', 'he'], ['Mei', 'she'], ['Andrew', 'he'],
  ['Olga', 'she'], ['Emeka', 'he'], ['Rachel', 'she'], ['Marco', 'he'], ['Yasmin', 'she'], ['Henrik', 'he'],
  ['Catherine', 'she'], ['Julian', 'he'], ['Ananya', 'she'], ['Felix', 'he'], ['Laura', 'she'], ['Gabriel', 'he'],
  ['Miriam', 'she'], ['Tobias', 'he'], ['Chloe', 'she'], ['Ibrahim', 'he'], ['Helen', 'she'], ['Robert', 'he'],
  ['Julia', 'she'], ['Thomas', 'he'], ['Patricia', 'she'], ['Michael', 'he'], ['Renata', 'she'], ['Arjun', 'he'],
  ['Eva', 'she'], ['Nikolai', 'he'], ['Sarah', 'she'], ['David', 'he'], ['Ines', 'she'], ['Paul', 'he'],
  ['José', 'he'], ['Zoë', 'she'], ['René', 'he'], ['Agnès', 'she'],
];

/** Surnames; a few carry accents so outlets that drop them write a variant of the same name. */
export const SURNAMES: readonly string[] = [
  'Okonkwo', 'Lindqvist', 'Moreau', 'Haddad', 'Castellanos', 'Novak', 'Brennan', 'Takahashi', 'Mensah', 'Petrov',
  'Alvarez', 'Whitfield', 'Kowalczyk', 'Osei', 'Bergstrom', 'Fischer', 'Rahman', 'Delgado', 'Nakamura', 'Adeyemi',
  'Hartley', 'Sandoval', 'Kaminski', 'Varga', 'Lindholm', 'Achterberg', 'Carvalho', 'Mbeki', 'Sorensen', 'Quintero',
  'Ashworth', 'Demir', 'Eriksen', 'Galloway', 'Hoffmann', 'Iyer', 'Jablonski', 'Kariuki', 'Lombardi', 'Marsh',
  'Nilsson', 'Oyelaran', 'Pemberton', 'Ruiz', 'Stanton', 'Tanaka', 'Uddin', 'Vasquez', 'Wojcik', 'Yilmaz',
  'Zielinski', 'Abernathy', 'Baptiste', 'Calloway', 'Dunmore', 'Ellery', 'Forsythe', 'Granger', 'Holloway', 'Ingram',
  'Jovanovic', 'Kessler', 'Lachance', 'Mwangi', 'Navarro', 'Ostrowski', 'Prescott', 'Rasmussen', 'Sato', 'Thornbury',
  'Ueda', 'Valdez', 'Wexford', 'Abara', 'Bianchi', 'Czerny', 'Dufresne', 'Ekwueme', 'Falk', 'Grimaldi',
  'Haugen', 'Ivanova', 'Jansen', 'Kovac', 'Lemaire', 'Mancini', 'Nordin', 'Orlov', 'Pacheco', 'Reyes',
  'Schreiber', 'Toivonen', 'Udall', 'Vermeulen', 'Waweru', 'Young', 'Zapata', 'Núñez', 'Müller', 'Sánchez',
  'Brontë', 'Łukasik', 'Gonçalves', 'Ó Briain',
];

/** Countries with their capital, for datelines, government titles and "X's Foreign Ministry". */
export const COUNTRIES: readonly { name: string; demonym: string; capital: string; cities: readonly string[] }[] = [
  { name: 'Canada', demonym: 'Canadian', capital: 'Ottawa', cities: ['Toronto', 'Vancouver', 'Montreal'] },
  { name: 'Germany', demonym: 'German', capital: 'Berlin', cities: ['Hamburg', 'Munich', 'Frankfurt'] },
  { name: 'France', demonym: 'French', capital: 'Paris', cities: ['Lyon', 'Marseille', 'Toulouse'] },
  { name: 'Japan', demonym: 'Japanese', capital: 'Tokyo', cities: ['Osaka', 'Yokohama', 'Nagoya'] },
  { name: 'Brazil', demonym: 'Brazilian', capital: 'Brasilia', cities: ['Sao Paulo', 'Rio de Janeiro', 'Recife'] },
  { name: 'Kenya', demonym: 'Kenyan', capital: 'Nairobi', cities: ['Mombasa', 'Kisumu'] },
  { name: 'India', demonym: 'Indian', capital: 'New Delhi', cities: ['Mumbai', 'Chennai', 'Bengaluru'] },
  { name: 'Australia', demonym: 'Australian', capital: 'Canberra', cities: ['Sydney', 'Melbourne', 'Perth'] },
  { name: 'Poland', demonym: 'Polish', capital: 'Warsaw', cities: ['Krakow', 'Gdansk'] },
  { name: 'Mexico', demonym: 'Mexican', capital: 'Mexico City', cities: ['Monterrey', 'Guadalajara'] },
  { name: 'Norway', demonym: 'Norwegian', capital: 'Oslo', cities: ['Bergen', 'Stavanger'] },
  { name: 'Nigeria', demonym: 'Nigerian', capital: 'Abuja', cities: ['Lagos', 'Kano'] },
  { name: 'Spain', demonym: 'Spanish', capital: 'Madrid', cities: ['Barcelona', 'Valencia', 'Seville'] },
  { name: 'South Korea', demonym: 'South Korean', capital: 'Seoul', cities: ['Busan', 'Incheon'] },
  { name: 'the United States', demonym: 'U.S.', capital: 'Washington', cities: ['New York', 'Chicago', 'Houston', 'Seattle'] },
  { name: 'Britain', demonym: 'British', capital: 'London', cities: ['Manchester', 'Glasgow', 'Birmingham'] },
];

/** Cabinet posts; `{Country}'s X Minister` or the US-style `X Secretary`. */
export const MINISTRIES: readonly string[] = ['Finance', 'Foreign', 'Trade', 'Energy', 'Health', 'Transport', 'Labour', 'Environment', 'Defence', 'Interior', 'Agriculture', 'Housing'];

/** Parts of the names of public bodies: `{adjective} {domain} {kind}`, acronym from the capitals. */
export const BODY_ADJECTIVES: readonly string[] = ['National', 'Federal', 'Regional', 'Central', 'Independent', 'Joint', 'International', 'Northern', 'Coastal', 'Metropolitan'];
export const BODY_DOMAINS: readonly string[] = ['Energy', 'Transport Safety', 'Maritime', 'Water', 'Aviation', 'Statistics', 'Competition', 'Railway', 'Public Health', 'Housing', 'Fisheries', 'Broadcasting', 'Telecommunications', 'Food Safety', 'Nuclear Safety', 'Highways', 'Ports', 'Pensions', 'Data Protection', 'Election'];
export const BODY_KINDS: readonly string[] = ['Agency', 'Commission', 'Board', 'Authority', 'Council', 'Office', 'Institute', 'Regulator'];

/** Company names: a made-up stem and a kind. */
export const COMPANY_STEMS: readonly string[] = ['Veltro', 'Norcastle', 'Arbeline', 'Quantis', 'Halvorsen', 'Brightwater', 'Sundance', 'Kestrel', 'Meridian', 'Tolland', 'Ostara', 'Greyfield', 'Lumora', 'Castellan', 'Pinecrest', 'Redmarsh', 'Aldane', 'Voss', 'Corvan', 'Westerly', 'Ambrel', 'Fenwick', 'Irongate', 'Solvane'];
export const COMPANY_KINDS: readonly string[] = ['Holdings', 'Group', 'Industries', 'Logistics', 'Energy', 'Bank', 'Motors', 'Pharmaceuticals', 'Airlines', 'Telecom', 'Shipping', 'Foods', 'Mining', 'Capital'];

/** Unions and campaign groups: `{prefix} {members}`. */
export const UNION_MEMBERS: readonly string[] = ['Dock Workers', 'Nurses', 'Teachers', 'Rail Workers', 'Farmers', 'Pilots', 'Miners', 'Tenants', 'Truck Drivers', 'Postal Workers'];
export const UNION_PREFIXES: readonly string[] = ['Union of', 'Federation of', 'Alliance of', 'Association of'];

/** Academic fields for "a professor of X at the University of Y". */
export const FIELDS: readonly string[] = ['economics', 'public health', 'political science', 'international law', 'engineering', 'climate science', 'history', 'sociology'];

/** News outlets (made up). `wire` outlets open with a dateline and agency; newspapers use honorifics. */
export const OUTLETS: readonly { name: string; domain: string; style: 'wire' | 'newspaper' | 'broadcaster'; agency?: string; curly: boolean; honorifics: boolean; ascii: boolean }[] = [
  { name: 'Harbour Wire', domain: 'harbourwire.example', style: 'wire', agency: 'Harbour Wire', curly: false, honorifics: false, ascii: true },
  { name: 'Meridian Press Agency', domain: 'mpa.example', style: 'wire', agency: 'MPA', curly: false, honorifics: false, ascii: false },
  { name: 'Continental News Service', domain: 'cns.example', style: 'wire', agency: 'CNS', curly: true, honorifics: false, ascii: false },
  { name: 'The Northport Gazette', domain: 'northportgazette.example', style: 'newspaper', curly: true, honorifics: true, ascii: false },
  { name: 'The Daily Ledger', domain: 'dailyledger.example', style: 'newspaper', curly: true, honorifics: true, ascii: true },
  { name: 'Evening Courier', domain: 'eveningcourier.example', style: 'newspaper', curly: true, honorifics: false, ascii: false },
  { name: 'The Lakeside Herald', domain: 'lakesideherald.example', style: 'newspaper', curly: false, honorifics: true, ascii: false },
  { name: 'Capital Observer', domain: 'capitalobserver.example', style: 'newspaper', curly: true, honorifics: false, ascii: false },
  { name: 'Globe Business Review', domain: 'gbr.example', style: 'newspaper', curly: true, honorifics: false, ascii: true },
  { name: 'Radio Eastwind', domain: 'eastwind.example', style: 'broadcaster', curly: false, honorifics: false, ascii: true },
  { name: 'Civic Broadcasting Network', domain: 'cbn.example', style: 'broadcaster', curly: true, honorifics: false, ascii: false },
  { name: 'The Weekly Tribune', domain: 'weeklytribune.example', style: 'newspaper', curly: true, honorifics: true, ascii: false },
  { name: 'Pacific Times', domain: 'pacifictimes.example', style: 'newspaper', curly: false, honorifics: false, ascii: false },
  { name: 'Frontline Dispatch', domain: 'frontlinedispatch.example', style: 'wire', agency: 'Frontline', curly: true, honorifics: false, ascii: false },
];

/** A subject area: what its articles are about, in slots the templates fill. */
export interface Topic {
  name: string;
  ministry: string;
  /** Noun phrases that can be talked about ("the new tariffs"). */
  objects: readonly string[];
  /** Infinitive verb phrases ("review the contract"). */
  actions: readonly string[];
  /** People affected ("small businesses"). */
  groups: readonly string[];
  /** Headline nouns ("Tariff talks"). */
  headlines: readonly string[];
  /** Body domains that fit the topic (keys of BODY_DOMAINS). */
  domains: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    name: 'trade', ministry: 'Trade',
    objects: ['the new tariffs', 'the trade agreement', 'the export ban', 'the customs reform', 'the steel quota', 'the import levy'],
    actions: ['review the tariffs', 'reopen the talks', 'lift the export ban', 'sign the agreement', 'protect local producers', 'cut red tape at the border'],
    groups: ['exporters', 'small businesses', 'farmers', 'manufacturers', 'importers'],
    headlines: ['Tariff talks', 'Trade deal', 'Export ban', 'Customs reform'],
    domains: ['Competition', 'Ports', 'Maritime', 'Statistics'],
  },
  {
    name: 'energy', ministry: 'Energy',
    objects: ['the pipeline', 'the price cap', 'the wind farm', 'the grid upgrade', 'the coal phase-out', 'the fuel subsidy'],
    actions: ['raise the price cap', 'build the pipeline', 'phase out coal', 'expand the grid', 'cut fuel subsidies', 'secure winter supplies'],
    groups: ['households', 'heavy industry', 'pensioners', 'energy firms', 'consumers'],
    headlines: ['Pipeline plan', 'Energy price cap', 'Wind farm', 'Grid upgrade'],
    domains: ['Energy', 'Nuclear Safety', 'Water'],
  },
  {
    name: 'health', ministry: 'Health',
    objects: ['the hospital budget', 'the vaccination campaign', 'the waiting lists', 'the drug pricing rules', 'the nurse shortage', 'the clinic closures'],
    actions: ['hire more nurses', 'cut waiting times', 'fund the hospitals', 'lower drug prices', 'expand the vaccination campaign', 'reopen the clinics'],
    groups: ['patients', 'nurses', 'doctors', 'families', 'rural communities'],
    headlines: ['Hospital funding', 'Waiting lists', 'Nurse shortage', 'Drug prices'],
    domains: ['Public Health', 'Food Safety', 'Statistics'],
  },
  {
    name: 'transport', ministry: 'Transport',
    objects: ['the rail strike', 'the airport expansion', 'the new timetable', 'the bridge repairs', 'the fare increase', 'the high-speed line'],
    actions: ['end the strike', 'expand the airport', 'freeze fares', 'repair the bridge', 'build the high-speed line', 'restore night services'],
    groups: ['commuters', 'rail workers', 'airlines', 'passengers', 'drivers'],
    headlines: ['Rail strike', 'Airport expansion', 'Fare rise', 'Bridge closure'],
    domains: ['Transport Safety', 'Aviation', 'Railway', 'Highways'],
  },
  {
    name: 'elections', ministry: 'Interior',
    objects: ['the electoral reform', 'the early election', 'the voter registration drive', 'the coalition deal', 'the campaign finance rules', 'the recount'],
    actions: ['call an early election', 'reform the voting system', 'form a coalition', 'tighten campaign finance rules', 'hold a recount', 'lower the voting age'],
    groups: ['voters', 'young people', 'opposition parties', 'local councils', 'candidates'],
    headlines: ['Coalition talks', 'Election reform', 'Early vote', 'Recount'],
    domains: ['Election', 'Broadcasting', 'Data Protection'],
  },
  {
    name: 'climate', ministry: 'Environment',
    objects: ['the emissions target', 'the flood defences', 'the carbon tax', 'the drought plan', 'the forest protection law', 'the plastic ban'],
    actions: ['cut emissions', 'raise the carbon tax', 'strengthen flood defences', 'protect the forests', 'ban single-use plastic', 'ration water'],
    groups: ['farmers', 'coastal towns', 'young people', 'fishing communities', 'industry'],
    headlines: ['Emissions target', 'Flood defences', 'Carbon tax', 'Drought plan'],
    domains: ['Water', 'Fisheries', 'Energy'],
  },
  {
    name: 'labour', ministry: 'Labour',
    objects: ['the minimum wage', 'the pension reform', 'the four-day week trial', 'the port strike', 'the overtime rules', 'the job cuts'],
    actions: ['raise the minimum wage', 'reform pensions', 'end the port strike', 'protect jobs', 'extend the trial', 'return to the negotiating table'],
    groups: ['workers', 'employers', 'dock workers', 'young workers', 'retirees'],
    headlines: ['Wage deal', 'Pension reform', 'Port strike', 'Job cuts'],
    domains: ['Pensions', 'Ports', 'Statistics'],
  },
  {
    name: 'technology', ministry: 'Interior',
    objects: ['the data breach', 'the broadband rollout', 'the chip factory', 'the online safety law', 'the spectrum auction', 'the artificial intelligence rules'],
    actions: ['tighten the privacy rules', 'finish the broadband rollout', 'build the chip factory', 'regulate artificial intelligence', 'fine the company', 'protect children online'],
    groups: ['users', 'start-ups', 'parents', 'rural households', 'software developers'],
    headlines: ['Data breach', 'Broadband rollout', 'Chip factory', 'Online safety'],
    domains: ['Telecommunications', 'Data Protection', 'Broadcasting', 'Competition'],
  },
  {
    name: 'housing', ministry: 'Housing',
    objects: ['the rent freeze', 'the housing target', 'the mortgage rules', 'the building permits', 'the social housing plan', 'the eviction ban'],
    actions: ['freeze rents', 'build more homes', 'ease the mortgage rules', 'speed up building permits', 'extend the eviction ban', 'tax empty homes'],
    groups: ['tenants', 'first-time buyers', 'landlords', 'builders', 'young families'],
    headlines: ['Rent freeze', 'Housing target', 'Mortgage rules', 'Eviction ban'],
    domains: ['Housing', 'Statistics', 'Water'],
  },
];

/** Adjectives a speaker gives a thing. */
export const JUDGEMENTS: readonly string[] = ['unacceptable', 'long overdue', 'encouraging', 'premature', 'reckless', 'a serious mistake', 'the right decision', 'deeply disappointing', 'a good start', 'simply not enough'];

/** Phrases quoted inside reported speech ("called it “a step in the right direction”"). */
export const PARTIAL_QUOTES: readonly string[] = [
  'a step in the right direction', 'deeply irresponsible', 'a wake-up call', 'a matter of weeks', 'dead on arrival',
  'the worst of both worlds', 'a fair compromise', 'not fit for purpose', 'a turning point', 'an insult to working people',
  'a long and difficult road', 'a historic opportunity', 'pure theatre', 'the only sensible option', 'a betrayal',
  'cautiously optimistic', 'far too little, far too late', 'a shot in the arm', 'a red line', 'a once-in-a-generation change',
];

/** Sentence templates of direct quotes. Slots: {object} {Object} {action} {group} {Group} {judgement} {time} {money} {place}. */
export const QUOTE_SENTENCES: readonly string[] = [
  'We will {action} {time}.',
  '{Object} is {judgement}, and {group} deserve better.',
  'I have told {group} that we are not going to walk away from this.',
  'This is not about politics. It is about {group} who cannot afford {object}.',
  'Nobody wants to {action}, but we have no choice.',
  'The numbers speak for themselves: {object} has already cost {group} {money}.',
  'We are looking at every option, including whether to {action}.',
  'It would be {judgement} to {action} before we know the full cost.',
  'There is a real risk that {object} will hurt {group} in {place}.',
  'My message to {group} is simple: we hear you.',
  'We expect to {action} {time}, and we are confident we can do it.',
  'Frankly, {object} was {judgement}.',
  "I don't think anyone expected {object} to move this fast.",
  'We have been clear from the start that we want to {action}.',
  'If we do nothing, {group} will pay the price.',
  "Let me be very clear: we are not going to {action} without a vote.",
  'The people of {place} have waited long enough.',
  'We need to {action}, and we need to do it {time}.',
  'There is still a lot of work to do, but {object} is moving in the right direction.',
  "That's why we asked the government to {action}.",
  'It is too early to say what {object} will mean for {group}.',
  'We are not asking for special treatment. We are asking the government to {action}.',
  'Everyone in this room knows that {object} cannot wait.',
  'I was surprised by how quickly {group} responded.',
  'Our priority has always been to {action}.',
];

/** Ways to say when. */
export const TIMES: readonly string[] = ['by the end of the year', 'in the coming weeks', 'next spring', 'before the summer', 'within six months', 'as soon as possible', 'this year', 'over the next decade'];

/** Reported speech, with the speaker in {S} (a name, role or pronoun) and {Org} a body. */
export const REPORTED_SENTENCES: readonly string[] = [
  '{S} said that the government would {action} {time}.',
  '{S} told reporters that {object} had been discussed at length.',
  '{S} said {group} would be consulted before any decision was made.',
  '{S} added that {object} was only one part of a wider plan.',
  '{S} said the talks had made progress but that no agreement had been reached.',
  'According to {Org}, {object} has cost {group} {money} since {year}.',
  '{S} warned that {group} could face higher costs if nothing changed.',
  '{S} told lawmakers that the plan to {action} was on track.',
  '{S} said in an interview that {object} had been a difficult decision.',
  '{S} denied that {object} had been rushed.',
];

/** Background sentences, no speech. */
export const BACKGROUND_SENTENCES: readonly string[] = [
  '{Object} was first proposed in {year} and has divided opinion ever since.',
  'The decision comes after months of negotiations between {Org} and representatives of {group}.',
  '{Group} in {place} have been among the hardest hit, figures published by {Org} last month show.',
  '{Group} outside the big cities have grown wary of {object}.',
  'The government has set aside {money} for the programme, according to budget documents.',
  'Similar plans were dropped in {year} after protests by {group}.',
  'Officials in {place} have been preparing for the change for several weeks.',
  'Shares in {Company} fell {percent} per cent in early trading.',
  'About {thousands},000 {group} are expected to be affected by the change.',
  'The measure must still be approved by parliament, where the government holds a narrow majority.',
  'Talks are expected to resume next week in {place}.',
  '{Company} employs about {thousands},000 people across the region.',
];

/** Photographers and editors for captions and credit lines. */
export const STAFF_GIVEN: readonly string[] = ['Alex', 'Jordan', 'Sam', 'Robin', 'Chris', 'Kim', 'Dana', 'Morgan', 'Taylor', 'Jamie', 'Lee', 'Noor'];
export const STAFF_SURNAMES: readonly string[] = ['Ferrand', 'Holt', 'Bakker', 'Cruz', 'Dalton', 'Endo', 'Frost', 'Gill', 'Hayes', 'Ito', 'Kerr', 'Lund', 'Moss', 'Nash', 'Pike', 'Quinn'];

/** Month names for datelines and captions. */
export const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
