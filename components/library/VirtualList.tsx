import type { VNode } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * A virtualised list: only the rows in (and just around) the viewport are in the DOM, so 10,000 clips scroll as
 * smoothly as 10. Row heights are known per row kind (fixed heights, not measured), which keeps positioning a
 * prefix sum and scrolling free of layout feedback loops.
 *
 * Keyboard: the list uses a roving tabindex — one row is in the tab order; ↑/↓, PgUp/PgDn, Home/End move it
 * (scrolling as needed) and the row's own controls follow it into the tab order.
 */
export interface VirtualListProps<T> {
  items: readonly T[];
  heightOf: (item: T) => number;
  keyOf: (item: T) => string;
  render: (item: T, state: { index: number; active: boolean }) => VNode;
  /** Accessible name of the list. */
  label: string;
  /** Changes to this value scroll back to the top (e.g. a new query). */
  resetKey?: unknown;
  overscan?: number;
  class?: string;
  /** Keys the row handles itself (Enter, Delete …), given the focused item. */
  onRowKey?: (event: KeyboardEvent, item: T) => void;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, heightOf, keyOf, render, label, overscan = 4 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [active, setActive] = useState(0);
  /** Row index to move focus to once it is rendered (keyboard navigation). */
  const focusTarget = useRef<number | null>(null);
  const frame = useRef(0);

  const offsets = useMemo(() => {
    const out = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i] + heightOf(items[i]);
    return out;
  }, [items, heightOf]);
  const total = offsets[items.length];

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setViewport(el.clientHeight || 600);
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new reset key (a new query or filter) shows the top of the list in the same render, rather than one
  // frame later from an effect — typing must not cost two renders per keystroke.
  const lastReset = useRef(props.resetKey);
  const resetting = lastReset.current !== props.resetKey;
  if (resetting) {
    lastReset.current = props.resetKey;
    if (scrollTop !== 0) setScrollTop(0);
    if (active !== 0) setActive(0);
  }
  useLayoutEffect(() => {
    if (scroller.current && scroller.current.scrollTop !== 0) scroller.current.scrollTop = 0;
  }, [props.resetKey]);

  const activeIndex = resetting ? 0 : Math.min(active, Math.max(0, items.length - 1));
  const top = resetting ? 0 : scrollTop;

  useLayoutEffect(() => {
    if (focusTarget.current === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusTarget.current}"]`);
    if (!row) return;
    focusTarget.current = null;
    row.focus({ preventScroll: true });
  });

  const first = Math.max(0, findRow(offsets, top) - overscan);
  const last = Math.min(items.length - 1, findRow(offsets, top + viewport) + overscan);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    const el = scroller.current;
    if (el) {
      const top = offsets[next];
      const bottom = offsets[next + 1];
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    focusTarget.current = next;
    setActive(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.dataset?.index === undefined) return; // keys inside a row's inputs and buttons are theirs
    // The focused row, not the state: focus may have moved (click, Tab) since the last render.
    const current = Number(target.dataset.index);
    const page = Math.max(1, Math.floor(viewport / 120));
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) moveTo(current + moves[event.key]);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(items.length - 1);
    else {
      if (props.onRowKey && items[current] !== undefined) props.onRowKey(event, items[current]);
      return;
    }
    event.preventDefault();
  };

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  };

  const rows: VNode[] = [];
  for (let i = first; i <= last; i++) {
    const item = items[i];
    rows.push(
      <div
        key={keyOf(item)}
        class="tifa-lib-vrow"
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={items.length}
        data-index={i}
        tabIndex={i === activeIndex ? 0 : -1}
        style={{ transform: `translateY(${offsets[i]}px)`, height: `${offsets[i + 1] - offsets[i]}px` }}
        onFocusCapture={() => i !== activeIndex && setActive(i)}
      >
        {render(item, { index: i, active: i === activeIndex })}
      </div>,
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the focused row (delegation)
    <div ref={scroller} class={`tifa-lib-scroller ${props.class ?? ''}`} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div class="tifa-lib-spacer" role="list" aria-label={label} style={{ height: `${total}px` }}>
        {rows}
      </div>
    </div>
  );
}

/** Index of the row containing vertical position `y` (binary search over the prefix sums). */
function findRow(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
