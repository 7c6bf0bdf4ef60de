/**
 * Colour arithmetic for the tests that hold colours to WCAG contrast: the same in Node and in the
 * browser. Channels run from 0 to 1, in sRGB.
 */

/** The sRGB channels of `#rrggbb`, `rgb(r, g, b)` or `color(srgb r g b)`, from 0 to 1. */
export function channelsOf(colour: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = colour.startsWith('#')
    ? [1, 3, 5].map((at) => Number.parseInt(colour.slice(at, at + 2), 16) / 255)
    : (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((n) => (colour.startsWith('rgb') ? Number(n) / 255 : Number(n)));
  return [r, g, b];
}

/** The channels made linear (undoing sRGB's curve), for luminance and colour-space maths. */
export function linearOf(channels: readonly number[]): [number, number, number] {
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return [r, g, b];
}

/** The contrast ratio (WCAG 2) of two colours given by their sRGB channels; the second is white unless given. */
export function contrastRatio(one: readonly number[], other: readonly number[] = [1, 1, 1]): number {
  const luminance = (channels: readonly number[]) => {
    const [r, g, b] = linearOf(channels);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(one), luminance(other)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** `colour` (`#rrggbb`) drawn over white at `opacity`, as a canvas blends it. */
export function overWhite(colour: string, opacity: number): string {
  return `#${channelsOf(colour)
    .map((c) => Math.round(c * 255 * opacity + 255 * (1 - opacity)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}
