import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import './controls.css';
import { EMPTY_IDENTITY, identitySpeaker, ISO_DATE, type SpeechIdentity } from '../../lib/citation/identity';
import { loadSpeechIdentity, watchSpeechIdentities } from '../../lib/citation/identity-store';
import type { PageIndex, PageState } from '../../lib/messages/page';
import { sendToBackground, sendToTab } from '../../lib/messages/transport';
import { tf } from '../../lib/reading/describe';

const FIELDS = ['title', 'speakerName', 'speakerPost', 'occasion', 'place', 'date'] as const;
type Field = (typeof FIELDS)[number];

/** What the rules read from the page, as an identity (the editor's starting point). */
export function pageIdentity(state: PageState, index: PageIndex | null): SpeechIdentity {
  return {
    ...EMPTY_IDENTITY,
    title: state.speechTitle ?? '',
    speakerName: index?.speaker?.name ?? (index ? '' : (state.speaker ?? '')),
    speakerPost: index?.speaker?.post ?? '',
    occasion: state.occasion ?? '',
    date: state.date ?? '',
  };
}

/**
 * The speech's identity in the side panel: title and date, speaker and occasion, place — as read from the page, or
 * as the reader corrected them. "Edit" opens a small form (Enter saves, Escape cancels); the saved identity is
 * stored for the page and cites every new clip of it, and optionally the clips it already has.
 */
export function SpeechIdentityView(props: { tabId: number; state: PageState; index: PageIndex | null }) {
  const { state } = props;
  const url = state.url;
  const [stored, setStored] = useState<SpeechIdentity | null>(null);
  const [draft, setDraft] = useState<SpeechIdentity | null>(null);
  const [apply, setApply] = useState(true);
  const [message, setMessage] = useState('');
  const [clipCount, setClipCount] = useState(0);

  useEffect(() => {
    const load = () => void loadSpeechIdentity(url).then(setStored, () => setStored(null));
    load();
    return watchSpeechIdentities(load);
  }, [url]);

  const shown = stored ?? pageIdentity(state, props.index);
  const edit = () => {
    setMessage('');
    setDraft(shown);
    // How many clips the page has, for "also update its N clips".
    sendToTab(props.tabId, 'clipping.getAnchors', {}).then(
      ({ anchors }) => setClipCount(anchors.length),
      () => setClipCount(0),
    );
  };
  const speaker = identitySpeaker(shown);

  const save = async (identity: SpeechIdentity) => {
    if (!ISO_DATE.test(identity.date.trim())) {
      setMessage(t('reading_identityBadDate'));
      return;
    }
    try {
      const { updated } = await sendToBackground('clips.setSpeech', { url, identity, apply: apply && clipCount > 0 });
      setDraft(null);
      setMessage(updated ? tf('reading_identitySavedClips', { n: updated }) : t('reading_identitySaved'));
      setStored(identity);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };

  if (!draft) {
    return (
      <div class="tifa-identity">
        {shown.title && (
          <h2 class="tifa-page-title">
            {shown.title}
            {shown.date && <span class="tifa-page-date"> · {shown.date}</span>}
          </h2>
        )}
        {(speaker || shown.occasion || shown.place) && (
          <p class="tifa-page-identity">{[speaker, shown.occasion, shown.place].filter(Boolean).join(' · ')}</p>
        )}
        <button type="button" class="tifa-page-link" onClick={edit}>
          {t(stored ? 'reading_identityEditOwn' : 'reading_identityEdit')}
        </button>
        {message && (
          <span class="tifa-page-small" role="status">
            {' '}
            {message}
          </span>
        )}
      </div>
    );
  }

  const set = (field: Field, value: string) => setDraft({ ...draft, [field]: value });
  return (
    <form
      class="tifa-identity-form"
      aria-label={t('reading_identityEdit')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setDraft(null);
      }}
    >
      {FIELDS.map((field, i) => (
        <label key={field} class="tifa-identity-field">
          <span>{t(`reading_identity_${field}`)}</span>
          <input
            type="text"
            name={field}
            value={draft[field]}
            // biome-ignore lint/a11y/noAutofocus: the reader just asked to edit; the first field takes the typing
            autoFocus={i === 0}
            placeholder={field === 'date' ? '2026-01-27' : ''}
            onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      ))}
      {clipCount > 0 && (
        <label class="tifa-page-toggle">
          <input
            type="checkbox"
            checked={apply}
            onChange={(e) => setApply((e.currentTarget as HTMLInputElement).checked)}
          />
          {tf('reading_identityApply', { n: clipCount })}
        </label>
      )}
      <div class="tifa-page-actions">
        <button type="submit">{t('reading_identitySave')}</button>
        <button type="button" onClick={() => setDraft(null)}>
          {t('reading_identityCancel')}
        </button>
        {stored && (
          <button type="button" onClick={() => setDraft(pageIdentity(state, props.index))}>
            {t('reading_identityFromPage')}
          </button>
        )}
      </div>
      {message && (
        <p class="tifa-page-message" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
