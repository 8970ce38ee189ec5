import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  id: K;
  label: string;
}

interface TabsProps<K extends string> {
  /** What the tab list is, for screen readers. */
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (id: K) => void;
  /** The selected tab's panel; the others are not drawn. */
  children: ReactNode;
}

/**
 * Tabs as the WAI-ARIA tabs pattern has them, with automatic activation: the tab list is one
 * stop in the tab order, the arrow keys (and Home, End) move between the tabs and select them,
 * and the selected tab's panel follows the list.
 *
 * Written here rather than taken from react-aria-components: its panel asks, after each of its
 * renders and each change anywhere inside it, whether it holds something focusable, and that
 * question (`checkVisibility`) makes the browser lay the page out there and then. With the
 * Enrollments table inside, the summary's first draw laid the page out four times over in one
 * task, and every batch of rows drawn while scrolling once more.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: TabsProps<K>) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (id: K) => `${base}tab-${id}`;
  const panelId = (id: K) => `${base}panel-${id}`;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last ? 0 : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0 ? last : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    if (tab.id !== selected) onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`[id="${CSS.escape(tabId(tab.id))}"]`)?.focus();
  };

  return (
    <div className="tabs">
      <div ref={listRef} role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((tab, index) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              className="tabs__tab"
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(tab.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => {
                if (!isSelected) onSelect(tab.id);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div key={selected} role="tabpanel" id={panelId(selected)} aria-labelledby={tabId(selected)} tabIndex={0} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
