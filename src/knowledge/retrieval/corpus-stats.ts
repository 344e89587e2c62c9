/** Document frequencies of search terms over all sections, shared by BM25 and question weighting. */
export class CorpusStats {
  readonly documentCount: number;
  private readonly df = new Map<string, number>();

  constructor(termLists: ReadonlyArray<readonly string[]>) {
    this.documentCount = termLists.length;
    for (const terms of termLists) {
      for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
  }

  /** BM25 idf (always positive); undefined when no section contains the term. */
  idf(term: string): number | undefined {
    const df = this.df.get(term);
    if (!df) return undefined;
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  /** The idf a term seen in just one section would get: the weight of a word we know nothing about. */
  get unseenIdf(): number {
    return Math.log(1 + (this.documentCount - 0.5) / 1.5);
  }
}
