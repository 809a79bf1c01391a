import { useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { EXPORT_FORMATS, exportClips, type ExportFormat } from '../../lib/export';
import { Dialog } from './Dialog';
import { downloadFile } from './download';
import { tl } from './i18n';

export type ExportScope = 'selected' | 'shown' | 'all';

/**
 * Export: choose which clips (the selection, what the search and filters show, or the whole library) and a
 * format; the file is generated here and downloaded. A user-timing measure (tifa:export:<format>) records how
 * long generating took, for the bench.
 */
export function ExportDialog(props: { selected: readonly Clip[]; shown: readonly Clip[]; all: readonly Clip[]; initialScope: ExportScope; onClose(): void }) {
  const available: ExportScope[] = props.selected.length ? ['selected', 'shown', 'all'] : ['shown', 'all'];
  const [scope, setScope] = useState<ExportScope>(available.includes(props.initialScope) ? props.initialScope : available[0]);
  const clips = scope === 'selected' ? props.selected : scope === 'shown' ? props.shown : props.all;

  const run = (format: ExportFormat) => {
    const mark = `tifa:export:${format}`;
    const start = performance.now();
    const file = exportClips(format, clips, {
      markdown: {
        heading: tl('library_exportHeading'),
        labels: { source: tl('library_mdSource'), note: tl('library_note'), tags: tl('library_tags'), clipped: tl('library_mdClipped') },
      },
    });
    downloadFile(file);
    performance.measure(mark, { start, end: performance.now() });
    props.onClose();
  };

  return (
    <Dialog title={tl('library_exportTitle')} onClose={props.onClose} class="tifa-lib-export">
      <fieldset class="tifa-lib-field">
        <legend>{tl('library_exportWhich')}</legend>
        {available.map((option) => {
          const count = option === 'selected' ? props.selected.length : option === 'shown' ? props.shown.length : props.all.length;
          return (
            <label key={option} class="tifa-lib-radio">
              <input type="radio" name="tifa-export-scope" value={option} checked={scope === option} onChange={() => setScope(option)} />
              {tl(`library_scope_${option}`, { n: count })}
            </label>
          );
        })}
      </fieldset>
      <div class="tifa-lib-formats">
        {EXPORT_FORMATS.map((format) => (
          <button type="button" key={format} class="tifa-lib-format" data-format={format} disabled={clips.length === 0} onClick={() => run(format)}>
            <strong>{tl(`library_format_${format}`)}</strong>
            <span>{tl(`library_formatHint_${format}`)}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
