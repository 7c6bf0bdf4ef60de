/**
 * Characters that authors, source texts and web pages write differently for the same mark: curly
 * and straight quotes, apostrophes, accents and primes, the dashes and the hyphen. Each maps to
 * the plain character it is matched as. Anchoring quotes, finding them in a page and search all
 * fold with this one table, so that they agree on what counts as the same text.
 */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\ufe58': '-',
  '\ufe63': '-',
  '\uff0d': '-',
};
