/**
 * The widget's entry (components/index.ts) asks for the widget's code in a task after the page's
 * load event, not in the event's handler, whose end the load event waits for. The browser test
 * (tests/page/entry.test.ts) sees the request start after the event; here the order is checked
 * with no clock: the handler itself must start no import at all.
 */
import { afterEach, expect, it, vi } from 'vitest';

const widgetModule = vi.hoisted(() => ({ evaluated: false }));

vi.mock('../../components/widget.ts', () => {
  widgetModule.evaluated = true;
  return { ActorGraph: class {} };
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it("starts no import in the load event's handler, and loads the widget in the task after it", async () => {
  vi.useFakeTimers();
  const listeners: { type: string; listener: () => void }[] = [];
  vi.stubGlobal('document', { readyState: 'interactive' });
  vi.stubGlobal('window', {
    addEventListener: (type: string, listener: () => void) => listeners.push({ type, listener }),
  });
  const entry = await import('../../components/index.ts');
  await vi.dynamicImportSettled();
  expect(listeners.map(({ type }) => type)).toEqual(['load']);
  expect(widgetModule.evaluated).toBe(false);

  listeners[0]?.listener();
  await vi.dynamicImportSettled();
  expect(widgetModule.evaluated).toBe(false);

  vi.runAllTimers();
  await expect(entry.widget).resolves.toHaveProperty('ActorGraph');
  expect(widgetModule.evaluated).toBe(true);
});
