/**
 * The words of the widget's interface in Korean. TypeScript checks that it gives every key of
 * `en.ts` with the same parameters.
 */
import type { Messages } from './en.ts';

/** Appends a list after a colon, or nothing for an empty list. */
const list = (items: readonly string[]) => (items.length === 0 ? '' : `: ${items.join('; ')}`);

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
    hidden: (n) => `이 기간 밖의 관계 ${n}개 숨김`,
    undated: (n, faded) => `날짜 없는 관계 ${n}개는 항상 표시${faded ? '(흐리게)' : ''}`,
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
      `관계 ${shown}개${hidden > 0 ? `, 필터로 ${hidden}개 숨김` : ''}. ${column} 기준 ${
        descending ? '내림차순' : '오름차순'
      } 정렬. 관계를 선택하면 근거를 읽을 수 있고, 화살표 키로 행 사이를 이동합니다.`,
    unverified: '미확인:',
    more: (n) => `외 ${n}개`,
  },

  metrics: {
    title: (first, second) => `그룹별 ${first} 관계와 ${second} 관계 비교`,
    region: '그룹별 지표',
    measure: '지표',
    hint: '수치에 마우스를 올리거나 포커스하면 무엇을 세는지, 어떤 관계가 있는지 보여 줍니다.',
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
    betweenness: (cat, members) =>
      `존재하는 ${cat} 관계의 네트워크에서 다른 행위자 사이의 최단 경로 중 각 구성원을 지나는 비율: ${members}.`,
  },
};
