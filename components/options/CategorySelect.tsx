import { MENTION_CATEGORIES, type MentionCategory } from '../../lib/rules/types';
import { categoryLabel } from './labels';

export function CategorySelect(props: {
  value: MentionCategory;
  onChange(c: MentionCategory): void;
  label: string;
  name?: string;
}) {
  return (
    <select
      aria-label={props.label}
      name={props.name}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as MentionCategory)}
    >
      {MENTION_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {categoryLabel(c)}
        </option>
      ))}
    </select>
  );
}
