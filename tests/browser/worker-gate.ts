/**
 * Holds the layout worker's answers back, so that they reach the page in the order a test needs
 * rather than in the order the machine's speed gives. Importing this module installs the gate; a
 * test file must import it before the page makes its layout worker (each test file runs in a frame
 * of its own). With nothing held, answers pass as they come.
 */
import type { LayoutAnswer } from '../../components/actor-graph/layout-messages.ts';

/**
 * What the gate does with the worker's answers: holds a job's draft until its refined layout
 * comes (and hands both over at once, or the refined layout only at `release`), or holds the
 * refined layout until `release`.
 */
let gate: { hold: 'draft'; release?: Promise<void> } | { hold: 'refined'; release: Promise<void> } | undefined;

/** Holds each job's draft until its refined layout comes, so that the refined layout is there first. */
export function holdDraftsUntilRefined(): void {
  gate = { hold: 'draft' };
}

/**
 * Holds each job's draft until its refined layout has come, then hands the draft over and holds
 * the refined layout until the returned function is called: the refined layout is then sure to be
 * there, and can be let through at any step of the drawing.
 */
export function holdDraftsThenRefined(): () => void {
  let release: () => void = () => undefined;
  gate = { hold: 'draft', release: new Promise<void>((resolve) => (release = resolve)) };
  return release;
}

/** Holds each job's refined layout until the returned function is called. */
export function holdRefinedLayouts(): () => void {
  let release: () => void = () => undefined;
  gate = { hold: 'refined', release: new Promise<void>((resolve) => (release = resolve)) };
  return release;
}

/** Lets answers pass as they come again; answers held already still wait for their release. */
export function openWorkerGate(): void {
  gate = undefined;
}

// The page's listeners on a worker get the answers the gate lets through, when it lets them.
const addEventListener = Worker.prototype.addEventListener;
Worker.prototype.addEventListener = function (
  this: Worker,
  type: string,
  listener: EventListenerOrEventListenerObject,
  options?: boolean | AddEventListenerOptions,
) {
  if (type !== 'message' || typeof listener !== 'function') return addEventListener.call(this, type, listener, options);
  const heldDrafts: Event[] = [];
  const gated = (event: Event) => {
    const answer = (event as MessageEvent<LayoutAnswer>).data;
    if (gate?.hold === 'draft') {
      if ('draft' in answer) {
        heldDrafts.push(event);
        return;
      }
      for (const draft of heldDrafts.splice(0)) listener.call(this, draft);
      if (gate.release !== undefined) {
        void gate.release.then(() => listener.call(this, event));
        return;
      }
    } else if (gate?.hold === 'refined' && 'positions' in answer) {
      void gate.release.then(() => listener.call(this, event));
      return;
    }
    listener.call(this, event);
  };
  return addEventListener.call(this, type, gated, options);
};
