import type { ComponentChildren } from 'preact';
import { isHttpUrl } from '../../lib/export/format';

/** A link that is only a link for http(s) URLs; anything else (javascript:, data:, file:) renders as plain text. */
export function SafeLink({
  href,
  children,
  label,
  class: className,
  tabIndex,
}: {
  href: string;
  children: ComponentChildren;
  label?: string;
  class?: string;
  tabIndex?: number;
}) {
  if (!isHttpUrl(href)) return <span class={className}>{children}</span>;
  return (
    <a
      class={className}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={label}
      title={label}
      tabIndex={tabIndex}
    >
      {children}
    </a>
  );
}
