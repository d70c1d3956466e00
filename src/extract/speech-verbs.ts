/**
 * The speech-verb lexicon as lookups: every inflected form maps to its lemma
 * and to the constructions it can cue.
 */
import lexicon from './lexicons/speech-verbs.json' with { type: 'json' };

export type VerbClass = 'reporting' | 'directOnly' | 'partialOnly';

export interface SpeechVerb {
  form: string;
  lemma: string;
  verbClass: VerbClass;
}

const byForm = new Map<string, SpeechVerb>();
const nounForms = new Set<string>(lexicon.nounForms);
for (const verbClass of ['reporting', 'directOnly', 'partialOnly'] as const) {
  for (const [lemma, forms] of Object.entries(lexicon[verbClass] as Record<string, string[]>)) {
    for (const form of forms) if (!byForm.has(form) && !nounForms.has(form)) byForm.set(form, { form, lemma, verbClass });
  }
}

/** Multi-word forms ("pointed out") first, so the longest form wins in the pattern. */
const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+'));

/** Matches any speech-verb form as a whole word (global, case-insensitive). */
export const SPEECH_VERB_PATTERN = new RegExp(`\\b(?:${forms.join('|')})\\b`, 'gi');

/** Noun-like forms ("note", "claims") as verbs: only when "that" follows (global, case-insensitive). */
const nounVerbs = new Map<string, SpeechVerb>();
for (const [lemma, formsOfLemma] of Object.entries(lexicon.reporting as Record<string, string[]>)) {
  for (const form of formsOfLemma) if (nounForms.has(form)) nounVerbs.set(form, { form, lemma, verbClass: 'reporting' });
}
export const NOUN_FORM_THAT_PATTERN = new RegExp(`\\b(?:${[...nounVerbs.keys()].join('|')})\\b(?=\\s+that\\b)`, 'gi');
/** The same forms without "that": verbs only when a clause follows ("Activists claim standards are ignored"). */
export const NOUN_FORM_PATTERN = new RegExp(`\\b(?:${[...nounVerbs.keys()].join('|')})\\b(?!\\s+that\\b)`, 'gi');

/** The lexicon entry of a form ("Said" → say), or undefined. */
export function lookupSpeechVerb(form: string): SpeechVerb | undefined {
  const key = form.toLowerCase().replace(/\s+/g, ' ');
  return byForm.get(key) ?? nounVerbs.get(key);
}
