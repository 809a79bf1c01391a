import { useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { DIALOG_FORMATS, exportClips, exportFilename, type DialogFormat, type ExportFile } from '../../lib/export';
import { Dialog } from './Dialog';
import { downloadFile } from './download';
import { tl } from './i18n';

export type ExportScope = 'selected' | 'shown' | 'all';

/** The export language follows the UI messages (a message whose value is `zh` or `en`), not the browser locale. */
function exportLanguage(): 'zh' | 'en' {
  return tl('library_exportLanguage') === 'zh' ? 'zh' : 'en';
}

async function buildFile(format: DialogFormat, clips: readonly Clip[]): Promise<ExportFile> {
  const language = exportLanguage();
  const now = Date.now();
  const labels = {
    source: tl('library_mdSource'),
    note: tl('library_note'),
    tags: tl('library_tags'),
    summary: tl('library_exportSummary'),
  };
  if (format === 'docx') {
    // Loaded on demand: the Word builder is large and only this button needs it.
    const { exportDocx, DOCX_MIME } = await import('../../lib/export/docx');
    const content = await exportDocx(clips, {
      heading: tl('library_exportHeading'),
      labels,
      exportedAt: now,
      language,
    });
    return { filename: exportFilename('.docx', now), mime: DOCX_MIME, content };
  }
  return exportClips(format, clips, {
    now,
    markdown: {
      heading: tl('library_exportHeading'),
      labels: { ...labels, clipped: tl('library_mdClipped') },
      language,
    },
  });
}

/**
 * Export: choose which clips (the selection, what the search and filters show, or the whole library) and a
 * format; the file is generated here and downloaded. A user-timing measure (tifa:export:<format>) records how
 * long generating took, for the bench.
 */
export function ExportDialog(props: {
  selected: readonly Clip[];
  shown: readonly Clip[];
  all: readonly Clip[];
  initialScope: ExportScope;
  onClose(): void;
}) {
  const available: ExportScope[] = props.selected.length ? ['selected', 'shown', 'all'] : ['shown', 'all'];
  const [scope, setScope] = useState<ExportScope>(
    available.includes(props.initialScope) ? props.initialScope : available[0],
  );
  const [busy, setBusy] = useState(false);
  const clips = scope === 'selected' ? props.selected : scope === 'shown' ? props.shown : props.all;

  const run = async (format: DialogFormat) => {
    const mark = `tifa:export:${format}`;
    const start = performance.now();
    setBusy(true);
    try {
      downloadFile(await buildFile(format, clips));
      performance.measure(mark, { start, end: performance.now() });
      props.onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={tl('library_exportTitle')} onClose={props.onClose} class="tifa-lib-export">
      <fieldset class="tifa-lib-field">
        <legend>{tl('library_exportWhich')}</legend>
        {available.map((option) => {
          const count =
            option === 'selected' ? props.selected.length : option === 'shown' ? props.shown.length : props.all.length;
          return (
            <label key={option} class="tifa-lib-radio">
              <input
                type="radio"
                name="tifa-export-scope"
                value={option}
                checked={scope === option}
                onChange={() => setScope(option)}
              />
              {tl(`library_scope_${option}`, { n: count })}
            </label>
          );
        })}
      </fieldset>
      <div class="tifa-lib-formats">
        {DIALOG_FORMATS.map((format) => (
          <button
            type="button"
            key={format}
            class="tifa-lib-format"
            data-format={format}
            disabled={clips.length === 0 || busy}
            onClick={() => void run(format)}
          >
            <strong>{tl(`library_format_${format}`)}</strong>
            <span>{tl(`library_formatHint_${format}`)}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
