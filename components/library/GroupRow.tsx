import type { SpeechGroup } from '../../lib/search/group';
import { Highlighted } from './Highlighted';
import { Icon } from './icons';
import { SafeLink } from './SafeLink';
import { tl } from './i18n';

/** A speech's header in the grouped list: title, site, date, clip count; toggles its clips. */
export function GroupRow(props: {
  group: SpeechGroup;
  collapsed: boolean;
  query: string;
  active: boolean;
  onToggle(key: string): void;
}) {
  const { group, collapsed, query, active } = props;
  const tab = active ? 0 : -1;
  return (
    <header class="tifa-lib-group" data-group-url={group.url}>
      <button
        type="button"
        class="tifa-lib-group-toggle"
        tabIndex={tab}
        aria-expanded={!collapsed}
        aria-label={tl(collapsed ? 'library_expandGroup' : 'library_collapseGroup', { title: group.title })}
        onClick={() => props.onToggle(group.key)}
      >
        <span class="tifa-lib-chevron" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
      </button>
      <div class="tifa-lib-group-body">
        <h3 class="tifa-lib-group-title" title={group.title}>
          <Highlighted text={group.title} query={query} />
        </h3>
        <div class="tifa-lib-group-meta">
          <span>{group.site}</span>
          {group.date && <span>{group.date}</span>}
          <span>{tl('library_clipCount', { n: group.clips.length })}</span>
        </div>
      </div>
      <SafeLink href={group.url} class="tifa-lib-icon" label={tl('library_openSource')} tabIndex={tab}>
        <Icon name="external" />
      </SafeLink>
    </header>
  );
}
