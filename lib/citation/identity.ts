import { z } from 'zod';
import { MAX_TITLE_CHARS } from '../clips/limits';

/**
 * A speech's identity as the reader states it in the side panel: the rules read title, speaker, occasion and date
 * from the page, but a writer who knows better (a report titled just "政府工作报告", a byline the rules missed)
 * corrects them once per page, and every clip of that page cites the corrected identity. Every field is stored,
 * an empty one meaning "none" (the reader cleared it), so the stored identity replaces the page's own wholesale.
 */
const field = z.string().trim().max(MAX_TITLE_CHARS);

/** ISO `yyyy-mm-dd`, `yyyy-mm` or `yyyy` (what citationLine turns into 2026年1月27日), or empty. */
export const ISO_DATE = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/;

export const speechIdentitySchema = z.object({
  title: field,
  speakerName: field,
  speakerPost: field,
  occasion: field,
  place: field,
  date: z.string().trim().max(10).regex(ISO_DATE, 'a date is written 2026-01-27, 2026-01 or 2026'),
});
export type SpeechIdentity = z.infer<typeof speechIdentitySchema>;

export const EMPTY_IDENTITY: SpeechIdentity = {
  title: '',
  speakerName: '',
  speakerPost: '',
  occasion: '',
  place: '',
  date: '',
};

/** The clip fields an identity sets (undefined: the field is dropped from the clip). */
export interface SpeechFields {
  speechTitle?: string;
  speechSpeaker?: string;
  speechOccasion?: string;
  speechPlace?: string;
  speechDate?: string;
}

/** `省长 罗东川`: post before name, as the rules' speakerLabel writes it. */
export function identitySpeaker(identity: SpeechIdentity): string {
  return [identity.speakerPost, identity.speakerName].filter(Boolean).join(' ');
}

export function speechFieldsOf(identity: SpeechIdentity): SpeechFields {
  const or = (s: string) => s || undefined;
  return {
    speechTitle: or(identity.title),
    speechSpeaker: or(identitySpeaker(identity)),
    speechOccasion: or(identity.occasion),
    speechPlace: or(identity.place),
    speechDate: or(identity.date),
  };
}

/** `target` with the identity's fields in place of its own (fields the identity leaves empty are removed). */
export function withIdentity<T extends SpeechFields>(target: T, identity: SpeechIdentity): T {
  const out = { ...target };
  for (const [key, value] of Object.entries(speechFieldsOf(identity)) as [keyof SpeechFields, string | undefined][]) {
    if (value === undefined) delete out[key];
    else out[key] = value as T[keyof SpeechFields];
  }
  return out;
}
