import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A long list that renders only the rows in view (a case may hold 100,000 claims or timeline
 * entries), reading the next page as the reader nears the end. Rows may differ in height: each
 * is measured once drawn.
 */
export function VirtualList<T>(props: {
  items: T[];
  keyOf: (item: T) => string;
  render: (item: T, index: number) => ReactNode;
  estimate: number;
  label: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  className?: string;
  /** The list's height; it scrolls within it. */
  height?: string;
}) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => props.estimate,
    overscan: 8,
    getItemKey: (i) => props.keyOf(props.items[i]!),
  });
  const rows = v.getVirtualItems();
  const last = rows[rows.length - 1];
  const { hasMore, loadingMore, loadMore } = props;
  useEffect(() => {
    if (last && last.index >= props.items.length - 20 && hasMore && !loadingMore) loadMore();
  }, [last, props.items.length, hasMore, loadingMore, loadMore]);
  return (
    <div
      ref={parent}
      className={`virtual ${props.className ?? ''}`}
      style={{ blockSize: props.height ?? '70vh' }}
      // A scrolling region must be reachable by keyboard to be scrolled without a mouse (axe's
      // scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={props.label}
    >
      <ul style={{ blockSize: v.getTotalSize(), position: 'relative' }} className="virtual-inner">
        {rows.map((r) => (
          <li
            key={r.key}
            data-index={r.index}
            ref={v.measureElement}
            className="virtual-row"
            style={{
              position: 'absolute',
              insetBlockStart: 0,
              insetInlineStart: 0,
              inlineSize: '100%',
              transform: `translateY(${r.start}px)`,
            }}
          >
            {props.render(props.items[r.index]!, r.index)}
          </li>
        ))}
      </ul>
      {loadingMore ? (
        <p className="loading" role="status">
          {t('common.loadingMore')}
        </p>
      ) : null}
    </div>
  );
}
