/**
 * The words of the widget's interface in Korean. TypeScript checks that it gives every key of
 * `en.ts` with the same parameters.
 */
import type { TieCount } from '../render/filter.ts';
import type { Messages } from './en.ts';

/** Appends a list after a colon, or nothing for an empty list. */
const list = (items: readonly string[]) => (items.length === 0 ? '' : `: ${items.join('; ')}`);
/** Ties that exist, with absent ones counted apart, never added to them: "12개 +부재 3개". */
const tiesAndAbsent = ({ present, absent }: TieCount) =>
  present === 0 && absent > 0 ? `부재 ${absent}개` : `${present}개${absent > 0 ? ` +부재 ${absent}개` : ''}`;

export const ko: Messages = {
  languageName: '한국어',
  category: {
    alliance: '동맹',
    transaction: '거래',
    hostility: '적대',
    competition: '경쟁',
    diplomacy: '외교',
  },
  categoryInText: {
    alliance: '동맹',
    transaction: '거래',
    hostility: '적대',
    competition: '경쟁',
    diplomacy: '외교',
  },
  kind: { state: '국가', organization: '기구', bloc: '블록', 'non-state': '비국가 단체' },
  hedge: { asserted: '단정', likely: '가능성 높음', expected: '예상', possible: '가능성 있음' },
  status: { present: '존재', absent: '부재 (텍스트가 없다고 말함)' },

  date: {
    partial: (year, month, day) =>
      month === undefined ? `${year}년` : day === undefined ? `${year}년 ${month}월` : `${year}년 ${month}월 ${day}일`,
    range: (from, to) => `${from} – ${to}`,
    since: (from) => `${from}부터`,
    until: (to) => `${to}까지`,
    undated: '날짜 없음',
  },

  count: {
    ties: (n) => `관계 ${n}개`,
    tiesOf: (shown, all) => `관계 ${all}개 중 ${shown}개 표시`,
    plusAbsent: (n) => `+부재 ${n}`,
    andAbsent: (n) => `그와 별도로 부재 관계 ${n}개`,
    actors: (n) => `행위자 ${n}개`,
    quotes: (n) => `인용문 ${n}개`,
  },

  timeline: {
    label: '표시할 관계의 날짜',
    title: '날짜',
    from: '시작',
    to: '끝',
    earliest: '표시할 가장 이른 날짜',
    latest: '표시할 가장 늦은 날짜',
    noneHidden: '날짜로 숨긴 관계 없음',
    hidden: (count) => `이 기간 밖의 관계 ${tiesAndAbsent(count)} 숨김`,
    undated: (count, faded) => `날짜 없는 관계 ${tiesAndAbsent(count)}는 항상 표시${faded ? '(흐리게)' : ''}`,
    allDates: '모든 날짜',
  },

  table: {
    region: '관계',
    headings: {
      source: '출발',
      type: '관계 유형',
      category: '범주',
      target: '대상',
      status: '상태',
      hedge: '단정 정도',
      date: '날짜',
      evidence: '근거',
    },
    summary: (shown, hidden, column, descending) =>
      `관계 ${tiesAndAbsent(shown)}${hidden.present + hidden.absent > 0 ? `, 필터로 ${tiesAndAbsent(hidden)} 숨김` : ''}. ${column} 기준 ${
        descending ? '내림차순' : '오름차순'
      } 정렬. 관계를 선택하면 근거를 읽을 수 있고, 화살표 키로 행 사이를 이동합니다.`,
    unverified: '미확인:',
    more: (n) => `외 ${n}개`,
  },

  legend: {
    categories: '표시할 관계 범주',
    absentTies: '부재 관계',
    tieTypes: '관계 유형',
    tieTypesShown: '표시할 관계 유형',
    typesOff: (n) => `${n}개 끔`,
    key: '범례',
    absent: '부재 (텍스트가 이 관계가 없다고 말함)',
    member: '블록의 구성원',
    direction: '관계의 방향',
    exportMenu: {
      summary: '내보내기',
      label: '그래프나 데이터 내보내기',
      items: {
        png: 'PNG 이미지 (2배)',
        svg: 'SVG 이미지',
        json: '데이터셋 (JSON)',
        graphml: 'GraphML 그래프',
        gexf: 'GEXF 그래프',
        jsonld: '근거 (웹 주석 JSON-LD)',
      },
      hints: {
        png: '화면에 보이는 그대로의 그래프',
        svg: '인쇄와 벡터 편집기용 전체 그래프',
        json: '이 그래프를 그린 데이터',
        graphml: 'Gephi, Cytoscape 데스크톱, yEd용',
        gexf: 'Gephi용',
        jsonld: '원문에 고정된 각 인용문',
      },
      noImages: '이미지는 그래프 보기와 비교 보기에서 내보낼 수 있습니다.',
    },
  },

  panel: {
    evidence: '근거',
    hint: '그래프나 표, 검색에서 행위자나 관계를 선택하면 그 뒤의 인용문을 읽을 수 있습니다. 그래프에서 키보드로: 화살표 키로 이동하고 Enter로 선택하며, Escape로 해제합니다.',
    overviewCount: (actors, ties) => `행위자 ${actors}개 · 관계 ${tiesAndAbsent(ties)} 표시`,
    alsoCalled: (names) => `텍스트 속 다른 이름: ${names}`,
    members: '구성원:',
    shownHidden: (listedCount, { filtered, absent, other }) => {
      const listed = `관계 ${tiesAndAbsent(listedCount)}`;
      const parts = [
        ...(other.present + other.absent > 0 ? [`다른 범주 ${tiesAndAbsent(other)}`] : []),
        ...(filtered.present + filtered.absent > 0 ? [`필터로 ${tiesAndAbsent(filtered)} 숨김`] : []),
        ...(absent > 0 ? [`부재 관계 ${absent}개 숨김`] : []),
      ];
      return parts.length === 0 ? listed : `${listed} 표시, ${parts.join(', ')}`;
    },
    amongMembers: (bloc) => `${bloc} 구성원 사이`,
    categoryTies: (category) => `${category} 관계`,
    tie: '관계',
    categoryTie: (category) => `${category} 관계`,
    hedgeTitle: '텍스트가 이 관계를 얼마나 단정하는지',
    absentNote: '텍스트는 이 관계가 존재하지 않는다고 말합니다.',
    hiddenNote: (reasons) => `지금 그래프에 그려지지 않음: ${reasons.join('; ')}.`,
    hiddenBecause: {
      category: (category) => `${category} 관계 표시 꺼짐`,
      compare: (first, second) => `비교 보기는 ${first}·${second} 관계만 표시`,
      type: (type) => `관계 유형 목록에서 “${type}” 꺼짐`,
      absent: '부재 관계 표시 꺼짐',
      dates: '날짜가 타임라인 범위 밖',
    },
    showTieAlone: '이 관계만 보기',
    unverifiedNote:
      '원문이 이 인용문과 함께 기록된 지문(SHA-256)과 더 이상 일치하지 않아, 원문과 대조할 수 없으므로 근거로 표시하지 않습니다.',
    unverified: '미확인',
    textMissing: '원문을 불러오지 못해 인용문을 앞뒤 문맥 없이 보여 줍니다.',
    readSource: '원문 읽기',
  },

  pageMatches: {
    showInArticle: '기사에서 보기',
    showInArticleLabel: (quote) => `기사에서 보기: “${quote}”`,
    notFound: '이 페이지에서 찾지 못함',
    allFound: (count) => `인용문 ${count}개가 모두 기사에 표시되어 있습니다.`,
    someFound: (found, count) => `인용문 ${count}개 중 ${found}개가 기사에 표시되어 있습니다.`,
    missingSummary: (count) => `이 페이지에서 찾지 못한 인용문 ${count}개`,
  },

  graph: {
    views: '보기',
    viewNames: { graph: '그래프', compare: '비교', table: '표' },
    loading: '그래프를 불러오는 중…',
    empty: '이 데이터에는 그릴 행위자가 없습니다.',
    wheelHint: '휠로 확대하려면 그래프를 클릭하거나 Ctrl 키를 누르세요',
    touchHint: '그래프를 움직이려면 두 손가락을 쓰세요',
    toPanel: '근거 읽기',
    goToGraph: '그래프에서 보기',
    chosenFromArticle: (name) => `그래프에서 선택됨: ${name}`,
    zoomIn: '확대',
    zoomOut: '축소',
    fit: '그래프를 화면에 맞추기',
    fitShort: '화면에 맞추기',
    label: (actors, ties) =>
      `행위자 ${actors}개와 ${ties}의 그래프. 화살표 키로 행위자 사이를 이동하고, Enter로 선택, Escape로 해제, 더하기와 빼기로 확대·축소합니다.`,
    theirTies: '그 관계',
    absentTie: (label) => `${label} (부재)`,
    role: '그래프',
    paneTies: (category) => `${category} 관계`,
    paneCategory: (first) => `${first ? '첫 번째' : '두 번째'} 창의 관계`,
    cannotShow: '이 그래프를 표시할 수 없습니다',
    more: (n) => `…외 ${n}개.`,
    exportFailed: (format, reason) => `${format} 내보내기에 실패했습니다: ${reason}.`,
    tryAgain: '다시 시도',
    textMissingNotice: (message) => `${message} 인용문은 문맥 없이 표시됩니다.`,
    textChangedNotice: (title) => `“${title}”의 원문이 인용 이후 바뀌어(SHA-256이 다름) 인용문을 미확인으로 표시합니다.`,
    cleared: '선택 해제됨.',
    actorSelected: (name, ties) => `${name} 선택됨: 관계 ${tiesAndAbsent(ties)} 표시. 근거 패널에 나열됩니다.`,
    tieSelected: (type) => `관계 선택됨: ${type}. 근거 패널에 인용문이 표시됩니다.`,
    focused: (name, kind, ties) => `${name}, ${kind}, 관계 ${tiesAndAbsent(ties)} 표시. Enter를 누르면 근거를 읽을 수 있습니다.`,
  },

  search: {
    label: '행위자, 관계 유형, 인용문 검색',
    placeholder: '검색',
    shortcut: '/ 키를 누르면 검색합니다',
    results: '검색 결과',
    groups: { actor: '행위자', 'tie-type': '관계 유형', quote: '인용문' },
    groupCount: (listed, total) => (listed < total ? `${total}개 중 ${listed}개` : `${total}개`),
    alias: '별칭',
    name: '이름',
    localizedName: (language) => `${language} 이름`,
    typeLabel: '명칭',
    localizedLabel: (language) => `${language} 명칭`,
    tieType: (category) => `${category} 관계 유형`,
    ties: (count) => `관계 ${tiesAndAbsent(count)}`,
    hiddenTies: (count) => `필터로 ${tiesAndAbsent(count)} 숨김`,
    opens: (tie) => `${tie} 열기`,
    absent: '텍스트가 없다고 말함',
    hidden: '필터로 숨김',
    noMatches: (query) => `“${query}”에 맞는 결과 없음`,
    more: '표시된 것보다 결과가 많습니다. 더 입력해 좁혀 보세요.',
    announce: (count, more) => `결과 ${count}개${more ? ' 이상' : ''}. 위아래 화살표로 이동하고 Enter로 선택합니다.`,
    announceNone: '결과 없음.',
  },

  metrics: {
    title: (first, second) => `그룹별 ${first} 관계와 ${second} 관계 비교`,
    region: '그룹별 지표',
    measure: '지표',
    hint: '수치를 가리키거나 누르거나 포커스하면 무엇을 세는지, 어떤 관계가 있는지 보여 줍니다.',
    names: {
      ties: '관계 수',
      density: '밀도',
      reciprocity: '상호성',
      closure: '폐쇄성',
      quotes: '인용문',
      hedges: '단정 정도',
      absent: '부재 관계',
      degree: '연결 정도',
      betweenness: '매개 중심성',
    },
    ties: (n, cat, group, ties) => `${group} 구성원 사이의 존재하는 ${cat} 관계 ${n}개${list(ties)}.`,
    density: (linked, possible, cat, group, pairs) =>
      `${group} 구성원 쌍 ${possible}개 중 ${linked}개가 ${cat} 관계로 연결됨${list(pairs)}.`,
    reciprocityNone: (cat) => `구성원 사이에 ${cat} 관계가 없어 상호성을 따질 것이 없음.`,
    reciprocityUndirected: (n, cat) =>
      `구성원 사이의 ${cat} 관계 ${n}개는 유형상 상호적(무방향)임. 상호성은 방향이 있는 관계만 셈.`,
    reciprocity: (answered, directed, cat, ties) =>
      `구성원 사이의 방향 있는 ${cat} 관계 ${directed}개 중 ${answered}개가 반대 방향의 관계로 응답받음${list(ties)}.`,
    closureSmall: (group) => `폐쇄성은 셋 이상인 그룹의 쌍이 얼마나 연결되었는지 봄. ${group}은(는) 구성원이 둘뿐임.`,
    closureClosed: (total, cat, group) => `${group}의 쌍 ${total}개가 모두 ${cat} 관계로 연결됨: 그룹이 닫힘.`,
    closure: (linked, total, cat, group, unlinked) =>
      `${group}의 쌍 ${total}개 중 ${linked}개가 ${cat} 관계로 연결됨. 연결되지 않음: ${unlinked.join('; ')}.`,
    quotes: (n, cat, ties) => `구성원 사이의 존재하는 ${cat} 관계를 뒷받침하는 인용문 ${n}개${list(ties)}.`,
    tieQuotes: (tie, n) => `${tie}, 인용문 ${n}개`,
    hedgeCount: (n, hedge) => `${hedge} ${n}`,
    hedgesNone: (cat) => `구성원 사이에 존재하는 ${cat} 관계 없음.`,
    hedges: (cat, counts, ties) => `텍스트가 구성원 사이의 ${cat} 관계를 얼마나 단정하는지: ${counts}${list(ties)}.`,
    absentNone: (cat, group) => `텍스트는 ${group} 구성원 사이의 ${cat} 관계를 부정하지 않음.`,
    absent: (n, cat, group, ties) => `텍스트가 존재하지 않는다고 말하는 ${group} 구성원 사이의 ${cat} 관계 ${n}개${list(ties)}.`,
    degree: (cat, members) => `데이터 전체에서 각 구성원이 존재하는 ${cat} 관계로 연결된 행위자 수: ${members}.`,
    betweenness: (cat, pairs, members) =>
      `데이터 전체의 다른 행위자 쌍 ${pairs}개(연결되지 않은 쌍 포함) 중, 존재하는 ${cat} 관계의 최단 경로가 각 구성원을 지나는 쌍의 비율: ${members}.`,
  },
};
