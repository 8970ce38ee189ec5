import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface TableScrollProps {
  children: ReactNode;
  /** More classes for the frame, besides `table-wrap`. */
  className?: string;
}

/**
 * The frame of a table. A table wider than the screen (on a phone) scrolls sideways inside it
 * rather than making the whole page scroll, and its first column (the contact or the name) stays
 * in view. While it scrolls, the frame is a group named after the table (its caption, or what
 * labels it) and a stop in the tab order, so that the keyboard can scroll it too. A group, not a
 * region: a page of tables on a phone would otherwise fill the list of landmarks.
 */
export function TableScroll({ children, className }: TableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [overflowing, setOverflowing] = useState(false);
  const [labelledBy, setLabelledBy] = useState<string | undefined>(undefined);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => {
      setOverflowing(frame.scrollWidth > frame.clientWidth + 1);
      const table = frame.querySelector('table');
      const caption = table?.querySelector(':scope > caption');
      if (caption && !caption.id) caption.id = captionId;
      setLabelledBy(table?.getAttribute('aria-labelledby') ?? caption?.id ?? undefined);
    };
    // The observer's first report comes after the browser's next layout; measuring here would
    // force one in the middle of React's work.
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    const table = frame.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [captionId]);

  return (
    <div
      ref={ref}
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      data-overflowing={overflowing || undefined}
      role={overflowing ? 'group' : undefined}
      aria-labelledby={overflowing ? labelledBy : undefined}
      tabIndex={overflowing ? 0 : undefined}
    >
      {children}
    </div>
  );
}
