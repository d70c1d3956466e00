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

/** The lexicon entry of a form ("Said" → say), or undefined. */
export function lookupSpeechVerb(form: string): SpeechVerb | undefined {
  return byForm.get(form.toLowerCase().replace(/\s+/g, ' '));
}
