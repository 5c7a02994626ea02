import { useEffect, useRef } from 'react';
import { SHORTCUTS, type ShortcutId } from './constants.ts';

/**
 * Alt+key shortcuts on the whole window. Listening in the capture phase means they work while the focus is in
 * an input, a select or a text area (some antd inputs stop the event from bubbling). The handlers are read
 * from a ref, so the listener is attached once.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>, enabled = true) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      // A dialog has the user's attention: the page's shortcuts wait until it is closed.
      if (e.target instanceof Element && e.target.closest('.ant-modal-wrap')) return;
      const shortcut = SHORTCUTS.find((s) => s.code === e.code);
      const handler = shortcut && ref.current[shortcut.id];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
