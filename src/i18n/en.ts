/**
 * The words of the widget's interface in English, the language every other one is checked
 * against: a language file must give every key here, with the same parameters (see `ko.ts`).
 *
 * Values are plain text, never HTML. Functions build sentences whose word order or plural forms
 * depend on their figures.
 */
import type { TieCount } from '../render/filter.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
/** Ties that exist, with absent ones counted apart, never added to them: "12 ties +3 absent", "3 absent ties". */
const tiesAndAbsent = ({ present, absent }: TieCount, one = 'tie') =>
  present === 0 && absent > 0
    ? plural(absent, `absent ${one}`)
    : `${plural(present, one)}${absent > 0 ? ` +${absent} absent` : ''}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const isAre = (count: number) => (count === 1 ? 'is' : 'are');
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
/** Appends a list after a colon, or nothing for an empty list. */
const list = (items: readonly string[]) => (items.length === 0 ? '' : `: ${items.join('; ')}`);

export const en = {
  /** The language's own name, for menus. */
  languageName: 'English',
  category: {
    alliance: 'Alliance',
    transaction: 'Transaction',
    hostility: 'Hostility',
    competition: 'Competition',
    diplomacy: 'Diplomacy',
  },
  /** A category inside a sentence ("an alliance tie"). */
  categoryInText: {
    alliance: 'alliance',
    transaction: 'transaction',
    hostility: 'hostility',
    competition: 'competition',
    diplomacy: 'diplomacy',
  },
  kind: { state: 'State', organization: 'Organization', bloc: 'Bloc', 'non-state': 'Non-state group' },
  hedge: { asserted: 'asserted', likely: 'likely', expected: 'expected', possible: 'possible' },
  status: { present: 'present', absent: 'absent (the text says it does not exist)' },

  date: {
    /** A partial ISO date for people: `2024`, `Dec 2023`, `4 Jun 2024`. */
    partial: (year: string, month?: number, day?: number): string => {
      if (month === undefined) return year;
      const name = MONTHS[month - 1] ?? String(month);
      return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
    },
    range: (from: string, to: string) => `${from} – ${to}`,
    since: (from: string) => `since ${from}`,
    until: (to: string) => `until ${to}`,
    undated: 'undated',
  },

  count: {
    ties: (n: number) => plural(n, 'tie'),
    /** `shown` of `all` ties, for a count some are hidden from. */
    tiesOf: (shown: number, all: number) => `${shown} of ${plural(all, 'tie')} shown`,
    /** Absent ties counted apart from the ties that exist, where they are shown: "+13". */
    plusAbsent: (n: number) => `+${n} absent`,
    /** The same, for a screen reader. */
    andAbsent: (n: number) => `and ${plural(n, 'absent tie')}`,
    actors: (n: number) => plural(n, 'actor'),
    quotes: (n: number) => plural(n, 'quote'),
  },

  timeline: {
    label: 'Dates of the ties shown',
    title: 'Dates',
    from: 'from',
    to: 'to',
    earliest: 'Earliest date shown',
    latest: 'Latest date shown',
    noneHidden: 'No tie hidden by date',
    hidden: (count: TieCount) => `${tiesAndAbsent(count)} outside these dates hidden`,
    undated: (count: TieCount, faded: boolean) => `${tiesAndAbsent(count, 'undated tie')} always shown${faded ? ', faded' : ''}`,
    allDates: 'All dates',
  },

  table: {
    region: 'Ties',
    headings: {
      source: 'Source',
      type: 'Tie type',
      category: 'Category',
      target: 'Target',
      status: 'Status',
      hedge: 'Hedge',
      date: 'Date',
      evidence: 'Evidence',
    },
    summary: (shown: TieCount, hidden: TieCount, column: string, descending: boolean) =>
      `${tiesAndAbsent(shown)}${hidden.present + hidden.absent > 0 ? `, ${tiesAndAbsent(hidden)} hidden by the filters` : ''}. Sorted by ${column.toLowerCase()}, ${
        descending ? 'descending' : 'ascending'
      }. Choose a tie to read its evidence; arrow keys move between rows.`,
    unverified: 'Unverified:',
    more: (n: number) => `+${n} more`,
  },

  legend: {
    categories: 'Tie categories shown',
    absentTies: 'Absent ties',
    tieTypes: 'Tie types',
    tieTypesShown: 'Tie types shown',
    typesOff: (n: number) => `${n} off`,
    key: 'Key',
    absent: 'absent (the text says the tie does not exist)',
    member: 'member of a bloc',
    direction: 'direction of the tie',
    exportMenu: {
      summary: 'Export',
      label: 'Export the graph or its data',
      items: {
        png: 'PNG image (2×)',
        svg: 'SVG image',
        json: 'Dataset (JSON)',
        graphml: 'GraphML',
        gexf: 'GEXF',
        jsonld: 'Evidence (Web Annotation JSON-LD)',
      },
      hints: {
        png: 'the graph as it is on screen',
        svg: 'the whole graph, for print and vector editors',
        json: 'the data this graph is drawn from',
        graphml: 'for Gephi, Cytoscape desktop, yEd',
        gexf: 'for Gephi',
        jsonld: 'each quote, anchored in its source text',
      },
      noImages: 'Images can be exported from the graph and compare views.',
    },
  },

  panel: {
    evidence: 'Evidence',
    hint: 'Select an actor or a tie, in the graph, the table or the search, to read the quotes behind it. In the graph with the keyboard: move with the arrow keys, press Enter to select; Escape clears.',
    /** Absent ties shown are counted apart from the ties that exist, never added to them. */
    overviewCount: (actors: number, ties: TieCount) => `${plural(actors, 'actor')} · ${tiesAndAbsent(ties)} shown`,
    alsoCalled: (names: string) => `In the text also: ${names}`,
    members: 'Members:',
    /**
     * The ties listed (those that exist, and absent ones apart), and those not: `other` of a
     * category the compare view leaves out, `absent` while absent ties are off, `filtered` by the
     * filter's other switches.
     */
    shownHidden: (
      listedCount: TieCount,
      { filtered, absent, other }: { filtered: TieCount; absent: number; other: TieCount },
    ) => {
      const listed = tiesAndAbsent(listedCount);
      const parts = [
        ...(other.present + other.absent > 0 ? [`${tiesAndAbsent(other)} of other categories`] : []),
        ...(filtered.present + filtered.absent > 0 ? [`${tiesAndAbsent(filtered)} hidden by the filters`] : []),
        ...(absent > 0 ? [`${plural(absent, 'absent tie')} hidden`] : []),
      ];
      return parts.length === 0 ? listed : `${listed} shown, ${parts.join(', ')}`;
    },
    amongMembers: (bloc: string) => `Between the members of ${bloc}`,
    categoryTies: (category: string) => `${category} ties`,
    tie: 'Tie',
    categoryTie: (category: string) => `${category} tie`,
    hedgeTitle: 'How firmly the text words this tie',
    absentNote: 'The text says this tie does NOT exist.',
    /** Why a selected tie is not drawn: the reasons below, joined. */
    hiddenNote: (reasons: readonly string[]) => `Not drawn in the graph now: ${reasons.join('; ')}.`,
    hiddenBecause: {
      category: (category: string) => `${category} ties are not shown`,
      compare: (first: string, second: string) => `the compare view shows ${first} and ${second} ties only`,
      type: (type: string) => `“${type}” is switched off in Tie types`,
      absent: 'absent ties are not shown (Absent ties is off)',
      dates: 'its dates are outside the timeline’s range',
    },
    showTieAlone: 'Show this tie alone',
    unverifiedNote:
      'The source text no longer matches the fingerprint (SHA-256) recorded with these quotes, so they cannot be checked against it and are not shown as evidence.',
    unverified: 'Unverified',
    textMissing: 'The source text could not be loaded, so the quote is shown without its context.',
    readSource: 'Read the source',
  },

  pageMatches: {
    showInArticle: 'Show in article',
    showInArticleLabel: (quote: string) => `Show in the article: “${quote}”`,
    notFound: 'Not found on this page',
    allFound: (count: number) => `All ${plural(count, 'quote')} are marked in the article.`,
    someFound: (found: number, count: number) => `${found} of ${plural(count, 'quote')} are marked in the article.`,
    missingSummary: (count: number) => `${plural(count, 'quote')} not found on this page`,
  },

  graph: {
    views: 'View',
    viewNames: { graph: 'Graph', compare: 'Compare', table: 'Table' },
    loading: 'Loading the graph…',
    empty: 'This dataset has no actors to draw.',
    wheelHint: 'Click the graph, or hold Ctrl, to zoom with the wheel',
    touchHint: 'Use two fingers to move the graph',
    toPanel: 'Read the evidence',
    goToGraph: 'Show in the graph',
    chosenFromArticle: (name: string) => `Selected in the graph: ${name}`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit the graph to the view',
    fitShort: 'Fit to view',
    label: (actors: number, ties: string) =>
      `Graph of ${plural(actors, 'actor')} and ${ties}. Arrow keys move between actors, Enter selects, Escape clears, plus and minus zoom.`,
    theirTies: 'their ties',
    /** The label on the card of a tie the text says does not exist. */
    absentTie: (label: string) => `${label} (absent)`,
    /** What a screen reader calls the graph's box, in place of "group". */
    role: 'graph',
    paneTies: (category: string) => `${category} ties`,
    /** The name of the list that picks a compare pane's category. */
    paneCategory: (first: boolean) => `Ties of the ${first ? 'first' : 'second'} pane`,
    cannotShow: 'This graph cannot be shown',
    more: (n: number) => `…and ${n} more.`,
    exportFailed: (format: string, reason: string) => `The ${format} export failed: ${reason}.`,
    tryAgain: 'Try again',
    textMissingNotice: (message: string) => `${message} Quotes are shown without their context.`,
    textChangedNotice: (title: string) =>
      `The text of “${title}” has changed since its quotes were taken (its SHA-256 differs), so they are marked unverified.`,
    cleared: 'Selection cleared.',
    actorSelected: (name: string, ties: TieCount) =>
      `${name} selected: ${tiesAndAbsent(ties)} shown. The evidence panel lists ${ties.present + ties.absent === 1 ? 'it' : 'them'}.`,
    tieSelected: (type: string) => `Tie selected: ${type}. The evidence panel shows its quotes.`,
    focused: (name: string, kind: string, ties: TieCount) =>
      `${name}, ${kind}, ${tiesAndAbsent(ties)} shown. Press Enter to read the evidence.`,
  },

  search: {
    label: 'Search actors, tie types and quotes',
    placeholder: 'Search',
    shortcut: 'Press / to search',
    results: 'Search results',
    groups: { actor: 'Actors', 'tie-type': 'Tie types', quote: 'Quotes' },
    groupCount: (listed: number, total: number) => (listed < total ? `${listed} of ${total}` : String(total)),
    alias: 'alias',
    name: 'name',
    localizedName: (language: string) => `${language} name`,
    typeLabel: 'label',
    localizedLabel: (language: string) => `${language} label`,
    tieType: (category: string) => `${category} tie type`,
    ties: (count: TieCount) => tiesAndAbsent(count),
    hiddenTies: (count: TieCount) => `${tiesAndAbsent(count)} hidden by the filters`,
    opens: (tie: string) => `opens ${tie}`,
    absent: 'the text says it does not exist',
    hidden: 'hidden by the filters',
    noMatches: (query: string) => `No matches for “${query}”`,
    more: 'More match than are listed: type more to narrow them.',
    announce: (count: number, more: boolean) =>
      `${plural(count, 'result')}${more ? ', and more' : ''}. Up and down arrows move through them, Enter chooses.`,
    announceNone: 'No matches.',
  },

  metrics: {
    title: (first: string, second: string) => `How ${first} and ${second} ties compare within each group`,
    region: 'Measures by group',
    measure: 'Measure',
    hint: 'Point at, tap or focus a figure to see what it counts and which ties are behind it.',
    names: {
      ties: 'Ties',
      density: 'Density',
      reciprocity: 'Reciprocity',
      closure: 'Closure',
      quotes: 'Quotes',
      hedges: 'Hedges',
      absent: 'Absent ties',
      degree: 'Degree',
      betweenness: 'Betweenness',
    },
    ties: (n: number, cat: string, group: string, ties: readonly string[]) =>
      `${plural(n, `present ${cat} tie`)} between members of ${group}${list(ties)}.`,
    density: (linked: number, possible: number, cat: string, group: string, pairs: readonly string[]) =>
      `${linked} of ${plural(possible, 'pair')} of members of ${group} ${isAre(linked)} linked by ${article(cat)} tie${list(pairs)}.`,
    reciprocityNone: (cat: string) => `No ${cat} tie between members, so nothing to reciprocate.`,
    reciprocityUndirected: (n: number, cat: string) =>
      `The ${plural(n, `${cat} tie`)} between members ${isAre(n)} mutual by type (undirected); reciprocity counts directed ties only.`,
    reciprocity: (answered: number, directed: number, cat: string, ties: readonly string[]) =>
      `${answered} of ${plural(directed, `directed ${cat} tie`)} between members ${isAre(answered)} answered by ${article(cat)} tie in the other direction${list(ties)}.`,
    closureSmall: (group: string) =>
      `Closure asks how many of a group's three or more pairs are linked; ${group} has only two members.`,
    closureClosed: (total: number, cat: string, group: string) =>
      `All ${total} pairs of ${group} are linked by ${cat} ties: the group closes.`,
    closure: (linked: number, total: number, cat: string, group: string, unlinked: readonly string[]) =>
      `${linked} of ${total} pairs of ${group} are linked by ${cat} ties. Not linked: ${unlinked.join('; ')}.`,
    quotes: (n: number, cat: string, ties: readonly string[]) =>
      `${plural(n, 'evidence quote')} behind the present ${cat} ties between members${list(ties)}.`,
    tieQuotes: (tie: string, n: number) => `${tie}, ${plural(n, 'quote')}`,
    hedgeCount: (n: number, hedge: string) => `${n} ${hedge}`,
    hedgesNone: (cat: string) => `No present ${cat} tie between members.`,
    hedges: (cat: string, counts: string, ties: readonly string[]) =>
      `How firmly the text words the ${cat} ties between members: ${counts}${list(ties)}.`,
    absentNone: (cat: string, group: string) => `The text denies no ${cat} tie between members of ${group}.`,
    absent: (n: number, cat: string, group: string, ties: readonly string[]) =>
      `${plural(n, `${cat} tie`)} between members of ${group} that the text says do NOT exist${list(ties)}.`,
    degree: (cat: string, members: string) =>
      `How many actors each member is linked to by present ${cat} ties, in the whole dataset: ${members}.`,
    betweenness: (cat: string, pairs: number, members: string) =>
      `Of all ${plural(pairs, 'pair')} of other actors in the dataset, joined or not, the share whose shortest paths by present ${cat} ties pass through each member: ${members}.`,
  },
};

/** The shape every language file gives: the same keys and parameters as English. */
export type Messages = typeof en;
