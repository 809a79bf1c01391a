import { browser } from 'wxt/browser';
import { normalizeUrl } from '../clips/url';
import { speechIdentitySchema, type SpeechIdentity } from './identity';

/**
 * The reader's speech identities, per page (normalised URL), in extension storage: the side panel shows and edits
 * them, the background applies them to every new clip of the page (lib/store/background-handlers.ts).
 */
export const SPEECH_IDENTITIES_KEY = 'speechIdentities';
/** Pages remembered; the oldest are dropped beyond this, so storage cannot grow without bound. */
export const MAX_SPEECH_IDENTITIES = 500;

type IdentityMap = Record<string, { identity: SpeechIdentity; at: number }>;

function keyOf(url: string): string {
  try {
    return normalizeUrl(url);
  } catch {
    return url;
  }
}

async function readMap(): Promise<IdentityMap> {
  const raw = (await browser.storage.local.get(SPEECH_IDENTITIES_KEY))[SPEECH_IDENTITIES_KEY];
  return raw && typeof raw === 'object' ? (raw as IdentityMap) : {};
}

/** The identity the reader saved for this page, or null (storage content is checked, not trusted). */
export async function loadSpeechIdentity(url: string): Promise<SpeechIdentity | null> {
  const parsed = speechIdentitySchema.safeParse((await readMap())[keyOf(url)]?.identity);
  return parsed.success ? parsed.data : null;
}

/** Stores the page's identity, or with `null` forgets it (the page's own reading applies again). */
export async function saveSpeechIdentity(
  url: string,
  identity: SpeechIdentity | null,
  now = Date.now(),
): Promise<void> {
  const map = await readMap();
  const key = keyOf(url);
  if (identity) map[key] = { identity, at: now };
  else delete map[key];
  const keys = Object.keys(map);
  if (keys.length > MAX_SPEECH_IDENTITIES) {
    keys.sort((a, b) => (map[a]?.at ?? 0) - (map[b]?.at ?? 0));
    for (const k of keys.slice(0, keys.length - MAX_SPEECH_IDENTITIES)) delete map[k];
  }
  await browser.storage.local.set({ [SPEECH_IDENTITIES_KEY]: map });
}

/** Calls `onChange` whenever a stored identity changes; returns the unsubscribe function. */
export function watchSpeechIdentities(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SPEECH_IDENTITIES_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
