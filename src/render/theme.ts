/**
 * The colours and fonts the graph is drawn with. Components read them from `--ag-*` CSS custom
 * properties; these defaults apply where a host sets none.
 */
import type { ActorKind, TieCategory } from '../model/vocabulary.ts';

export interface GraphTheme {
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly text: string;
  readonly textHalo: string;
  readonly focus: string;
  readonly categories: Readonly<Record<TieCategory, string>>;
  readonly kinds: Readonly<Record<ActorKind, string>>;
}

/**
 * Edge colours start from the Okabe-Ito palette, which stays distinct under the common forms of
 * colour blindness; alliance (blue) and transaction (orange) are its most distant pair. Its orange
 * (#e69f00, 2.25:1 on white) is darkened to reach the 3:1 that lines need against the background
 * (WCAG 1.4.11), and hostility moves from vermillion to red, away from the darker orange: under
 * simulated deuteranopia, protanopia and tritanopia, the two stay at least 26 CIELAB units apart
 * from each other and from every other category, where the orange and the vermillion were 18.
 */
export const DEFAULT_THEME: GraphTheme = {
  // Hangul comes from the first Korean face a system has: macOS, Windows, Android/Noto, then Linux's Nanum.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Nanum Gothic", sans-serif',
  fontSize: 15,
  text: '#1f2328',
  textHalo: '#ffffff',
  focus: '#6f42c1',
  categories: {
    alliance: '#0072b2',
    transaction: '#d97000',
    hostility: '#ae1200',
    competition: '#cc79a7',
    diplomacy: '#009e73',
  },
  kinds: {
    state: '#3d4f66',
    organization: '#7a6a53',
    bloc: '#5b7f95',
    'non-state': '#8c6d8c',
  },
};

/** The node shape of each actor kind; shape and colour together say the kind. */
export const KIND_SHAPES: Readonly<Record<ActorKind, string>> = {
  state: 'ellipse',
  organization: 'round-rectangle',
  bloc: 'hexagon',
  'non-state': 'diamond',
};

/** The dash pattern of each hedge; an empty pattern is a solid line. */
export const HEDGE_DASHES = {
  asserted: [],
  likely: [9, 4],
  expected: [14, 4, 3, 4],
  possible: [2, 4],
} as const;
