import type { UiAction } from '../handoffs/actions.tsx';

export type KeyAction =
  | { kind: 'move'; by: number }
  | { kind: 'edge'; to: 'first' | 'last' }
  | { kind: 'open' }
  | { kind: 'search' }
  | { kind: 'pick'; range: boolean }
  | { kind: 'clear' }
  | { kind: 'action'; action: UiAction };

/** The queue's keyboard map: j/k (or arrows) move, Enter opens, a/b/r/o act, x picks, Escape unpicks, / searches. */
export function queueKeyAction(key: string): KeyAction | null {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'PageDown':
      return { kind: 'move', by: 10 };
    case 'PageUp':
      return { kind: 'move', by: -10 };
    case 'Home':
      return { kind: 'edge', to: 'first' };
    case 'End':
      return { kind: 'edge', to: 'last' };
    case 'Enter':
      return { kind: 'open' };
    case '/':
      return { kind: 'search' };
    case 'a':
      return { kind: 'action', action: 'accept' };
    case 'b':
      return { kind: 'action', action: 'bounce' };
    case 'r':
      return { kind: 'action', action: 'resolve' };
    case 'o':
      return { kind: 'action', action: 'reassign' };
    case 'x':
      return { kind: 'pick', range: false };
    case 'X':
      return { kind: 'pick', range: true };
    case 'Escape':
      return { kind: 'clear' };
    default:
      return null;
  }
}

/** Keys typed into a field are text, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return Boolean(el.closest('input, textarea, select, [contenteditable="true"]'));
}
