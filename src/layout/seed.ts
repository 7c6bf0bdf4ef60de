/**
 * Layout seeds: the `layout-seed` attribute turned into a number, and the generator that stands
 * in for `Math.random` while fcose runs. Kept apart from fcose itself, so that reading a seed
 * does not load the layout code.
 */

/** A small, fast, seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns a `layout-seed` attribute (a number or any text) into a 32-bit seed. */
export function parseSeed(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 1;
  const text = String(value).trim();
  if (/^-?\d+$/.test(text)) return Number(text) >>> 0;
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
