import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A windowed listbox: only the rows in view (plus a few either side) exist in the DOM, so 5,000
 * rows cost what 20 do. Rows have one fixed height. Keyboard focus stays on the list itself and
 * `aria-activedescendant` names the selected row, which is always scrolled into view (and so rendered).
 */
export function VirtualList({
  count,
  rowHeight,
  selected,
  label,
  rowId,
  renderRow,
  rowChecked,
  onKeyDown,
  onSelect,
  onOpen,
  overscan = 6,
}: {
  count: number;
  rowHeight: number;
  selected: number;
  label: string;
  rowId: (index: number) => string;
  renderRow: (index: number) => ReactNode;
  /** Whether a row is checked (picked), apart from the selection; undefined: it cannot be. */
  rowChecked?: (index: number) => boolean | undefined;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  onSelect: (index: number) => void;
  onOpen?: (index: number) => void;
  overscan?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when it moves by keyboard or by a live update.
  useEffect(() => {
    const el = ref.current;
    if (!el || selected < 0) return;
    const top = selected * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  }, [selected, rowHeight]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (ref.current) setScrollTop(ref.current.scrollTop);
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      // Options of a listbox that uses aria-activedescendant take no focus: the list holds it and its keys.
      // biome-ignore lint/a11y/useFocusableInteractive: see above
      // biome-ignore lint/a11y/useKeyWithClickEvents: see above
      <div
        key={rowId(i)}
        id={rowId(i)}
        role="option"
        aria-selected={i === selected}
        aria-checked={rowChecked?.(i)}
        aria-setsize={count}
        aria-posinset={i + 1}
        className={`vrow${i === selected ? ' selected' : ''}`}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
        onClick={() => onSelect(i)}
        onDoubleClick={() => onOpen?.(i)}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      className="vlist"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selected >= 0 && selected < count ? rowId(selected) : undefined}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-inner" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
