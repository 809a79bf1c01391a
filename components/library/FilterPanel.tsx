import { useState } from 'preact/hooks';
import { CLIP_COLORS, type ClipColor } from '../../lib/clips/types';
import { FACETS, type Facet, type FacetCounts, type LibraryFilter } from '../../lib/search/facets';
import { tl } from './i18n';

/** Values shown per facet before "show all". */
const COLLAPSED_VALUES = 8;

export interface FacetLabels {
  speech: ReadonlyMap<string, string>;
}

/** A facet value's display label (speech URL → its title; mention key → "key (category)"). */
export function facetLabel(facet: Facet, value: string, labels: FacetLabels): string {
  if (facet === 'speech') return labels.speech.get(value) ?? value;
  if (facet === 'color') return tl(`library_color_${value}`);
  if (facet === 'mention') {
    const colon = value.indexOf(':');
    return `${value.slice(colon + 1)} · ${tl(`library_mention_${value.slice(0, colon)}`)}`;
  }
  return value;
}

/**
 * Filters: site, speech, tag, colour, mentioned program/formulation/document/meeting — each a group of
 * checkboxes with faceted counts — and a date range. Selected values stay listed even when their count drops
 * to zero, so they can be unticked.
 */
export function FilterPanel(props: {
  filter: LibraryFilter;
  counts: FacetCounts;
  labels: FacetLabels;
  onToggle(facet: Facet, value: string): void;
  onDates(from: string, to: string): void;
}) {
  return (
    <div class="tifa-lib-filters" role="group" aria-label={tl('library_filters')}>
      {/* The dates come first, across the panel: last in a scrolling grid they sat below the fold, under the chips. */}
      <fieldset class="tifa-lib-facet tifa-lib-dates">
        <legend>{tl('library_facet_date')}</legend>
        <label>
          <span>{tl('library_dateFrom')}</span>
          <input
            type="date"
            value={props.filter.from}
            onChange={(e) => props.onDates((e.target as HTMLInputElement).value, props.filter.to)}
          />
        </label>
        <label>
          <span>{tl('library_dateTo')}</span>
          <input
            type="date"
            value={props.filter.to}
            onChange={(e) => props.onDates(props.filter.from, (e.target as HTMLInputElement).value)}
          />
        </label>
      </fieldset>
      <FacetGroup facet="site" {...props} />
      <FacetGroup facet="speech" {...props} />
      <FacetGroup facet="tag" {...props} />
      <ColorFacet {...props} />

      <FacetGroup facet="mention" {...props} />
    </div>
  );
}

function FacetGroup(props: {
  facet: Facet;
  filter: LibraryFilter;
  counts: FacetCounts;
  labels: FacetLabels;
  onToggle(facet: Facet, value: string): void;
}) {
  const { facet, filter } = props;
  const [expanded, setExpanded] = useState(false);
  const selected = filter[facet] as string[];
  const counted = [...props.counts[facet]].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const missing = selected.filter((v) => !props.counts[facet].has(v)).map((v): [string, number] => [v, 0]);
  const values = [...missing, ...counted];
  if (values.length === 0) return null;
  const shown = expanded ? values : values.slice(0, COLLAPSED_VALUES);
  return (
    <fieldset class="tifa-lib-facet" data-facet={facet}>
      <legend>{tl(`library_facet_${facet}`)}</legend>
      <ul>
        {shown.map(([value, count]) => {
          const label = facetLabel(facet, value, props.labels);
          return (
            <li key={value}>
              <label title={label}>
                <input
                  type="checkbox"
                  checked={selected.includes(value)}
                  onChange={() => props.onToggle(facet, value)}
                />
                <span class="tifa-lib-facet-label">{label}</span>
                <span class="tifa-lib-count">{count.toLocaleString()}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > COLLAPSED_VALUES && (
        <button type="button" class="tifa-lib-link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? tl('library_showFewer') : tl('library_showAll', { n: values.length })}
        </button>
      )}
    </fieldset>
  );
}

function ColorFacet(props: {
  filter: LibraryFilter;
  counts: FacetCounts;
  onToggle(facet: Facet, value: string): void;
}) {
  return (
    <fieldset class="tifa-lib-facet" data-facet="color">
      <legend>{tl('library_facet_color')}</legend>
      <div class="tifa-lib-color-filter">
        {CLIP_COLORS.map((color: ClipColor) => {
          const count = props.counts.color.get(color) ?? 0;
          const checked = props.filter.color.includes(color);
          return (
            <label key={color} class="tifa-lib-color" data-color={color} title={tl(`library_color_${color}`)}>
              <input
                type="checkbox"
                checked={checked}
                onChange={() => props.onToggle('color', color)}
                aria-label={`${tl(`library_color_${color}`)} (${count})`}
              />
              <span class="tifa-lib-color-dot" aria-hidden="true" />
              <span class="tifa-lib-count">{count.toLocaleString()}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Chips for the active filters, each removable, plus "clear all". */
export function ActiveFilters(props: {
  filter: LibraryFilter;
  labels: FacetLabels;
  onToggle(facet: Facet, value: string): void;
  onDates(from: string, to: string): void;
  onClear(): void;
}) {
  const { filter } = props;
  const chips: Array<{ key: string; label: string; remove(): void }> = [];
  for (const facet of FACETS) {
    for (const value of filter[facet] as string[]) {
      chips.push({
        key: `${facet}:${value}`,
        label: `${tl(`library_facet_${facet}`)}: ${facetLabel(facet, value, props.labels)}`,
        remove: () => props.onToggle(facet, value),
      });
    }
  }
  if (filter.from || filter.to) {
    chips.push({
      key: 'date',
      label: `${tl('library_facet_date')}: ${filter.from || '…'} – ${filter.to || '…'}`,
      remove: () => props.onDates('', ''),
    });
  }
  if (chips.length === 0) return null;
  return (
    <div class="tifa-lib-active" aria-label={tl('library_activeFilters')} role="group">
      {chips.map((chip) => (
        <span class="tifa-lib-chip" key={chip.key}>
          <span class="tifa-lib-chip-label">{chip.label}</span>
          <button
            type="button"
            class="tifa-lib-tag-remove"
            aria-label={tl('library_removeFilter', { label: chip.label })}
            onClick={chip.remove}
          >
            ×
          </button>
        </span>
      ))}
      <button type="button" class="tifa-lib-link" onClick={props.onClear}>
        {tl('library_clearFilters')}
      </button>
    </div>
  );
}
