import { renderTabList_unstable, useTabListContextValues_unstable, useTabListStyles_unstable, type TabListProps } from '@fluentui/react-components';
import { useTabListBase_unstable } from '@fluentui/react-tabs';
import { forwardRef, useLayoutEffect, useRef, type KeyboardEvent } from 'react';

/**
 * Fluent's TabList — its look, its `Tab`s, `onTabSelect` — with the keyboard done here instead of
 * by tabster's arrow-navigation group, whose focus sentinels (`<i tabindex="0" aria-hidden>`) fail
 * axe's and Lighthouse's `aria-hidden-focus` (microsoft/tabster#288, fluentui#25133). The same
 * behaviour: one tab stop (the selected tab), ← → (↑ ↓ when vertical) move between tabs and wrap,
 * Home and End go to the ends, Enter or Space selects.
 */
export const ViewTabList = forwardRef<HTMLDivElement, TabListProps>(function ViewTabList(props, forwarded) {
  const { appearance = 'transparent', reserveSelectedTabSpace = true, size = 'medium' } = props;
  const own = useRef<HTMLDivElement | null>(null);
  const ref = (el: HTMLDivElement | null) => {
    own.current = el;
    if (typeof forwarded === 'function') forwarded(el);
    else if (forwarded) forwarded.current = el;
  };
  const base = useTabListBase_unstable(props, ref);
  const state = useTabListStyles_unstable({ ...base, appearance, reserveSelectedTabSpace, size });
  const tabs = () => [...(own.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])') ?? [])];

  // One tab stop: the selected tab (the first when none is).
  useLayoutEffect(() => {
    const all = tabs();
    const registered = base.getRegisteredTabs().registeredTabs[JSON.stringify(base.selectedValue)]?.ref.current;
    const selected = all.find((t) => t === registered) ?? all[0];
    for (const t of all) t.tabIndex = t === selected ? 0 : -1;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    props.onKeyDown?.(event);
    const all = tabs();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const [back, forward] = base.vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    const next = event.key === forward ? (at + 1) % all.length : event.key === back ? (at - 1 + all.length) % all.length : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    for (const t of all) t.tabIndex = -1;
    all[next]!.tabIndex = 0;
    all[next]!.focus();
  };
  state.root.onKeyDown = onKeyDown;
  return renderTabList_unstable(state, useTabListContextValues_unstable(state));
});
