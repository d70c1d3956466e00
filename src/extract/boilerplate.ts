/**
 * Parts of a news body that are not the article's prose: datelines
 * ("LONDON, March 3 (Reuters) -"), bylines, photo captions and their
 * credits, sign-offs ("Enditem", "Reporting by …; Editing by …",
 * "X contributed to this report"). Quotes are never taken from them, and
 * credits never yield people or organizations.
 */
import type { TextDocument } from '../parse/text-document.ts';

export type BoilerplateKind = 'dateline' | 'dateline-outlet' | 'byline' | 'headline' | 'caption' | 'credit' | 'sign-off' | 'page-furniture';

export interface BoilerplateSpan {
  start: number;
  end: number;
  kind: BoilerplateKind;
}

// "CITY[, Region][, Mon. D] [(Outlet)] --|—|-" at the start of the first paragraphs.
const DATELINE = /^((?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)(?:,\s*[A-Z][\w.'’ -]{1,30}?)?(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s+\d{1,2}(?:,\s*\d{4})?)?)\s*(\([^)]{1,40}\))?\s*(?:--|—|–|-|:)\s*/;
const BYLINE = /^(?:By|BY)\s+[A-Z][^\n]{0,120}$/;
const CAPTION_START = /^(?:FILE\s*[-–—:]|FILE PHOTO\b|PHOTO\b|Photo\s*:|Image\s*:|Caption\s*:|\(Photo\b|\[Photo\b|Pictured\s*:|Above\s*:|Top\s*:|Left\s*:|Right\s*:)/;
const PHOTO_CREDIT = /\((?:[^()]{0,60}?\b(?:Photo|Photograph|Image|Picture|Video|Credit|Pool|File)\b[^()]{0,80})\)\s*$|(?:Photo|Image|Credit|Picture)\s*(?::|\/|by)\s*[^.\n]{1,80}$|\b(?:Getty Images|Shutterstock|AFP via Getty Images|Reuters\/[A-Z][\w ]+|AP Photo\/[A-Z][^)]+)\s*$/;
const SIGN_OFF = /(?:^|\s)(Enditem|ENDS|-{2,}\s*$|###\s*$|\(Reporting by[^)]*\)|(?:Additional\s+)?[Rr]eporting by\b.*$|Writing by\b.*$|Editing by\b.*$|Compiled by\b.*$|Contributing:.*$|Contact:.*$|[A-Z][\w.&' ]{1,60} contributed to this (?:report|story|article)\.?$|This (?:story|article|report) (?:has been|was) (?:updated|corrected)\b.*$|Follow [A-Z][\w ]{1,40} on (?:Twitter|X)\b.*$|©.*$|Copyright\b.*$|All rights reserved\.?$)/;

// Lines a web page adds around an article: links, prompts, ads.
const PAGE_FURNITURE = /^(?:Advertisement|ADVERTISEMENT|Sponsored|SPONSORED|Related(?: Articles| Stories| coverage)?:?|RELATED:?|READ MORE:?|Read more:?|Read More:?|MORE:|Also read:?|ALSO READ:?|See also:?|Sign up\b|Subscribe\b|Click here\b|Watch:|WATCH:|Listen:|LISTEN:|Share this\b|Follow us\b|Image caption|Image source|Media caption|Getty Images|Copyright\b|Story continues\b|Continue reading\b|Most Read\b|Trending\b)/;

/** Finds the boilerplate spans of a document, in order. */
export function findBoilerplate(doc: TextDocument): BoilerplateSpan[] {
  const { text, blocks } = doc;
  const spans: BoilerplateSpan[] = [];
  blocks.forEach((block, index) => {
    const value = text.slice(block.start, block.end);
    if (PAGE_FURNITURE.test(value) && value.length < 200) {
      spans.push({ start: block.start, end: block.end, kind: 'page-furniture' });
      return;
    }
    // A pasted headline: a short first line that does not end like a sentence. Its quoted words are not quotes.
    if (index === 0 && blocks.length > 1 && value.length < 160 && !/[.!?:"”’']$/.test(value.trim()) && !/\n/.test(value)) {
      spans.push({ start: block.start, end: block.end, kind: 'headline' });
      return;
    }
    if (index < 3) {
      if (BYLINE.test(value.trim()) && value.length < 140) {
        spans.push({ start: block.start, end: block.end, kind: 'byline' });
        return;
      }
      const dateline = DATELINE.exec(value);
      if (dateline && dateline[0].length < 90 && /[A-Z]{3,}|\(/.test(dateline[1] ?? '') && value.length > dateline[0].length + 20) {
        spans.push({ start: block.start, end: block.start + dateline[0].length, kind: 'dateline' });
        if (dateline[2]) {
          const at = block.start + dateline[0].indexOf(dateline[2]);
          spans.push({ start: at, end: at + dateline[2].length, kind: 'dateline-outlet' });
        }
      }
    }
    if (CAPTION_START.test(value) || (PHOTO_CREDIT.test(value) && value.length < 600)) {
      spans.push({ start: block.start, end: block.end, kind: 'caption' });
      const credit = PHOTO_CREDIT.exec(value);
      if (credit) spans.push({ start: block.start + credit.index, end: block.end, kind: 'credit' });
      return;
    }
    const signOff = SIGN_OFF.exec(value);
    if (signOff) {
      const at = block.start + signOff.index + (signOff[0].length - signOff[0].trimStart().length);
      spans.push({ start: at, end: block.end, kind: 'sign-off' });
    }
  });
  return spans;
}
