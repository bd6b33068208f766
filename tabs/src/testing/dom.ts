/** Small DOM helpers for the component tests (no testing-library here). */
import { act } from 'react';

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** Polls (letting React and promises settle) until `find` returns something. */
export async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

/** Types into an input or textarea the way React notices (native value setter + input event). */
export async function type(el: Element, value: string): Promise<void> {
  const input = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : el.querySelector('input, textarea')) as HTMLInputElement | HTMLTextAreaElement;
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Settles pending promises and renders. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Types a date into a date field and leaves it, as a person does (the field reads what was typed when it loses focus). */
export async function typeDate(el: Element, value: string): Promise<void> {
  const input = (el instanceof HTMLInputElement ? el : el.querySelector('input')) as HTMLInputElement;
  await type(input, value);
  await act(async () => {
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}
