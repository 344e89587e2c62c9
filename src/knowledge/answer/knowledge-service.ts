import { translator, type Translate } from "../../i18n/translate.js";
import { usesOpenAIEndpoint } from "../embeddings/select-embeddings.js";
import { profileQuestion, type QuestionProfile } from "../retrieval/coverage.js";
import { openKnowledgeIndex, type KnowledgeIndex, type SearchHit } from "../retrieval/knowledge-index.js";
import { ensureIndex } from "../ingest/ingest.js";
import type { Answer, AnswerSource, Citation, KnowledgeOptions, Section } from "../types.js";
import {
  answerSources,
  citationSource,
  interleavedSources,
  quotedCitations,
  referenceText,
  warningText,
} from "./citation-text.js";
import { screenQuestion } from "./guard.js";
import { faqSections, faqSignature } from "./faq-sections.js";
import { otherPassageFirst, twoParts, type TwoParts } from "./two-part.js";
import { coversFocus, namesOurDomain, subjectsOf } from "./focus.js";
import { headingNamesTopic, preferFittingHeading } from "./heading-fit.js";
import { quoteLegal } from "./legal-quote.js";
import { followUpLabel } from "./follow-up-label.js";
import { asksRequirements, asksWhoOrWhere, statesRequirements } from "./asked-feature.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { quoteList } from "./list-quote.js";
import { answersAnotherCount, statesMinimumCount, wrongCountHeard } from "./premise.js";
import { createLlmAnswerer, type LlmAnswerer } from "./llm-answer.js";
import {
  hasFigure,
  opensWithYesOrNo,
  questionWants,
  quotePassage,
  startsWithRefutation,
  type QuestionWants,
  type QuoteOptions,
} from "./passage.js";
import { memoByObject } from "../../lib/memo-by-object.js";
import { asksForRule, asksLocally, asksNationwide, isLocalSection } from "./scope.js";
import { preferOverview } from "./overview.js";
import { alternativesOf, namesBoth } from "./alternatives.js";
import { figureShare, holdsStatedFigure, ownFigures, statedFigures, type StatedFigure } from "./stated-figure.js";
import { sectionTerms } from "../retrieval/search-text.js";

/**
 * The knowledge service the chat features use: answers with sources, full sections for the
 * "read the full article" button, and topic browsing.
 */

/** Below this coverage nothing relevant was found (unless the heading names the topic, see HEDGE_FLOOR): decline. */
const NOT_FOUND_BELOW = 0.15;
/**
 * Down to this coverage a passage whose heading names the question's topic is still offered, hedged:
 * a long chatty question shares few of its words with any section.
 */
const HEDGE_FLOOR = 0.08;
/** Below this coverage the best passage may be a near miss: answer, but say so. */
const NOT_SURE_BELOW = 0.3;
/**
 * A question naming nothing of our domain (no subject, organisation, nor word of the law, the state,
 * farming as a trade or money) is answered only when a passage covers it this well; otherwise it is
 * about something else and gets the polite "what I can help with" reply.
 */
const OFF_DOMAIN_BELOW = 0.6;
/** Length of each of the two passages quoted when unsure. */
const UNSURE_PASSAGE_BUDGET = 300;
/** Length of a quote from a provincial report (background figures, not the rule). */
const REPORT_BUDGET = 300;
/** Questions are cut to this length before search; longer text is pasted documents, not questions. */
const MAX_QUESTION_CHARS = 600;
const FOLLOW_UPS = 3;
/** Length of the passage quoted for each part of a two-part question. */
const PART_BUDGET = 260;
/** A part of a two-part question is repeated in its label up to this length. */
const PART_LABEL_CHARS = 60;
const PASSAGES_FOR_LLM = 4;
/** Hits kept per question: several share an article, and the source list shows up to 5 distinct ones. */
const SEARCH_HITS = 12;
/** Hits looked at for a passage holding the question's focus when the best one lacks it. */
const FOCUS_LOOKAHEAD = 4;
/** Such a passage must rank at least this close to the best hit. */
const FOCUS_MIN_SCORE = 0.6;
/**
 * A passage fitting what the question asks better than the best hit (the asker's stated case, both
 * options of an either-or question, a rule rather than local figures) must rank at least this close.
 */
const CLOSE_FIT_SCORE = 0.75;

export interface SectionView {
  id: string;
  heading: string;
  text: string;
  topic: string | null;
  /** "Nguồn: ..." line and status warnings, ready to show under the text. */
  reference: string;
  warnings: string[];
  sources: AnswerSource[];
}

export interface Topic {
  id: string;
  title: string;
}

export interface KnowledgeService {
  answer(question: string): Promise<Answer>;
  section(sectionId: string): Promise<SectionView | null>;
  topics(): Promise<Topic[]>;
  sectionsOfTopic(topicId: string): Promise<Array<{ id: string; heading: string }>>;
  /** Re-indexes changed knowledge files (e.g. an FAQ entry an officer just saved) and answers from them. */
  refresh(): Promise<void>;
}

function declined(text: string, confidence = 0): Answer {
  return { answer: text, declined: true, sources: [], followUps: [], confidence, suggestOfficer: true };
}

/**
 * Uncertainty note, source line and status warnings of the passage an answer is built on; `shown` are
 * the citations the source line names (the main one unless the quote rests on others).
 */
function citationLines(
  section: Section,
  t: Translate,
  main = section.citations[0],
  shown: Citation[] | null = main ? [main] : [],
): string[] {
  if (!main) return [];
  const lines: string[] = [];
  if (section.citations.some((c) => c.uncertain)) lines.push(t("ask-uncertain"));
  if (shown?.length) lines.push(t("ask-source", { reference: shown.map((c) => referenceText(c, t)).join("; ") }));
  // An official text's caveat (district level gone, not yet amended) is part of the answer; it says
  // which part is outdated, so it stands in for the generic "partly outdated" line.
  const legalNote = section.kind === "legal" && main.note && main.status !== "in_force" ? main.note : null;
  for (const citation of section.citations) {
    if (legalNote && citation.doc === main.doc && citation.status === "outdated_in_part") continue;
    const warning = warningText(citation, t);
    if (warning && !lines.includes(warning)) lines.push(warning);
  }
  if (legalNote) lines.push(t("ask-legal-note", { note: legalNote }));
  return lines;
}

/**
 * A passage as quoted in an answer: our guide's words, or an official text's khoản word for word,
 * marked as the law's own words with a plain lead-in from the article title.
 */
function passageLines(section: Section, profile: QuestionProfile, t: Translate, quote: QuoteOptions = {}): string[] {
  if (section.kind !== "legal") {
    const quoted = quotePassage(section, profile, quote);
    return [quoted, ...citationLines(section, t, section.citations[0], quotedCitations(section.citations, quoted))];
  }
  const legal = quoteLegal(section, profile, quote.wants?.feature);
  return [
    ...(legal.articleTitle ? [t("ask-legal-lead", { title: legal.articleTitle })] : []),
    t("ask-legal-quote", { reference: referenceText(legal.citation, t), text: legal.text }),
    ...citationLines(section, t, legal.citation, null),
  ];
}

/** Headings of other good hits, then of the sections next to the best one in its guide. */
function followUps(hits: SearchHit[], index: KnowledgeIndex): string[] {
  const best = hits[0]!.section;
  const neighbours = index.sections.filter((s) => s.file === best.file && Math.abs(s.order - best.order) === 1);
  const headings = [...hits.slice(1, 3).map((h) => h.section), ...neighbours]
    .filter((s) => s.heading !== best.heading)
    .map(followUpLabel);
  return [...new Set(headings)].slice(0, FOLLOW_UPS);
}

/** Subjects a section names (heading and text), and those of its heading alone: fixed per section. */
const sectionSubjects = memoByObject((section: Section) => subjectsOf(`${section.heading}\n${section.text}`));
const headingSubjects = memoByObject((section: Section) => subjectsOf(section.heading));

/**
 * The coverage of the answering hit with the asker's own figures counted as found when its range
 * holds them ("con tui 16 tuổi" answered by "từ đủ 15 đến dưới 18 tuổi"); 0 when it holds none.
 */
function figureFound(profile: QuestionProfile, stated: StatedFigure[], hit: SearchHit): number {
  const own = ownFigures(stated);
  if (own.length === 0 || !holdsStatedFigure(hit.section.text, own)) return 0;
  return hit.coverage + figureShare(profile, own, new Set(sectionTerms(hit.section)));
}

/** How long a loaded FAQ list is used before a question reads it again (another instance may publish). */
const FAQ_MAX_AGE_MS = 30_000;

export async function createKnowledgeService(options: KnowledgeOptions): Promise<KnowledgeService> {
  const t = translator();
  const { openai, logger, faqs } = options;
  let files = await openKnowledgeIndex(options);
  let index = files;
  /** When the FAQ list was last read; null forces a read at the next question. */
  let faqState: { readAt: number } | null = null;
  /** The FAQ entries the index in use holds: none in the files' own index. */
  let indexedFaqs = faqSignature([]);
  let reading: Promise<void> | null = null;

  /** Reads the published FAQ entries and, when they changed, adds them to the searched sections. */
  async function readFaqs(): Promise<void> {
    try {
      const entries = await faqs!.load();
      const signature = faqSignature(entries);
      if (signature !== indexedFaqs) {
        index = await files.withExtraSections(faqSections(entries, t));
        indexedFaqs = signature;
      }
      faqState = { readAt: Date.now() };
    } catch (error) {
      // The database may be down: answer from the files and the entries already loaded, retry later.
      logger?.warn({ err: error }, "FAQ entries could not be read; answering without the latest ones");
      faqState = { readAt: Date.now() };
    }
  }

  /** The index to answer from, with the FAQ entries up to date within their allowed age. */
  async function currentIndex(): Promise<KnowledgeIndex> {
    if (!faqs) return index;
    const stale = !faqState || Date.now() - faqState.readAt >= (faqs.maxAgeMs ?? FAQ_MAX_AGE_MS);
    if (stale) {
      reading ??= readFaqs().finally(() => (reading = null));
      await reading;
    }
    return index;
  }
  const llm: LlmAnswerer | null =
    openai?.model && usesOpenAIEndpoint(openai) ? createLlmAnswerer({ ...openai, model: openai.model }) : null;

  /**
   * The hit to answer from: the best one, unless it lacks the question's focus and a hit close
   * behind has it (a guide about a neighbouring topic ranks above the khoản that answers).
   */
  function answeringHits(question: string, hits: SearchHit[]): { ranked: SearchHit[]; focused: boolean } {
    const focus = subjectsOf(question);
    const covers = (hit: SearchHit) => coversFocus(focus, sectionSubjects(hit.section));
    // "vay được nhiêu": a passage without any figure does not answer a question that wants one.
    const wants = questionWants(question);
    // A section written for a number question ("Góp ít nhất bao nhiêu…?") answers one even without a
    // figure ("Điều lệ quyết định"); another with a figure of something else (a deadline) does not.
    // Likewise "hỗ trợ những gì" wants a list: a close section laying one out answers it better than
    // one written for another question that has none ("có những quyền gì" answers in its own words).
    // And "bao lâu phải gửi" wants a period: a passage whose only figure is a share ("65% phiếu") does not answer.
    const lacksFigure = (hit: SearchHit) =>
      (wants.number && !hasFigure(hit.section.text) && !questionWants(hit.section.heading).number) ||
      (!!wants.feature && !wants.feature.test(hit.section.text) && !wants.feature.test(hit.section.heading)) ||
      (!!wants.list && !quoteList(hit.section.text) && !questionWants(hit.section.heading).list);
    const best = hits[0]!;
    if (covers(best) && !lacksFigure(best)) return { ranked: hits, focused: true };
    const close = hits
      .slice(1, FOCUS_LOOKAHEAD)
      .filter((hit) => hit.score >= FOCUS_MIN_SCORE && hit.coverage >= NOT_SURE_BELOW);
    // The best names the question's subjects but no figure: a close one sharing a subject, with figures, answers.
    const shares = (hit: SearchHit) => focus.size === 0 || [...focus].some((s) => sectionSubjects(hit.section).has(s));
    const alternative = covers(best)
      ? close.find((hit) => shares(hit) && !lacksFigure(hit))
      : close.find((hit) => covers(hit) && !lacksFigure(hit));
    if (!alternative) return { ranked: hits, focused: covers(best) };
    return { ranked: [alternative, ...hits.filter((hit) => hit !== alternative)], focused: true };
  }

  /**
   * The two likeliest hits with the one whose heading names the question's subjects first: a hedge
   * about land starts with "Góp bằng đất thì có mất đất không?", not with the membership rule that
   * shares "vô HTX" and mentions "có ruộng" in passing. Only these two swap: they are what a hedge shows.
   */
  function focusFirst(question: string, hits: SearchHit[]): SearchHit[] {
    const focus = subjectsOf(question);
    const [first, second, ...rest] = hits;
    const headingNames = (hit: SearchHit) => focus.size > 0 && coversFocus(focus, headingSubjects(hit.section));
    if (!first || !second || headingNames(first) || !headingNames(second)) return hits;
    return [second, first, ...rest];
  }

  /**
   * A section written for another count of people than the question states ("Nghe nói phải đủ 7
   * người…" for "chỉ cần 3 người?") answers another claim: a close hit without that conflict goes first.
   */
  function withoutOtherCounts(question: string, hits: SearchHit[]): SearchHit[] {
    if (!answersAnotherCount(question, hits[0]!.section.heading)) return hits;
    const fitting = hits
      .slice(1, FOCUS_LOOKAHEAD)
      .filter((hit) => hit.score >= FOCUS_MIN_SCORE && !answersAnotherCount(question, hit.section.heading));
    // The question is about a count of people: a passage stating such a minimum answers it best.
    const alternative = fitting.find((hit) => statesMinimumCount(hit.section.text)) ?? fitting[0];
    return alternative ? [alternative, ...hits.filter((hit) => hit !== alternative)] : hits;
  }

  /** A passage opening with a yes or no to its heading's question, a heading about subjects the question does not name. */
  function answersAnotherSubject(question: string, section: Section): boolean {
    const heading = headingSubjects(section);
    const asked = subjectsOf(question);
    return opensWithYesOrNo(section.text) && heading.size > 0 && ![...heading].some((s) => asked.has(s));
  }

  /** The hits with the first close one that fits moved first, unless the best fits already. */
  function closeFitFirst(
    hits: SearchHit[],
    fits: (hit: SearchHit) => boolean,
    minScore = CLOSE_FIT_SCORE,
  ): SearchHit[] {
    if (fits(hits[0]!)) return hits;
    const fitting = hits.slice(1, FOCUS_LOOKAHEAD).find((hit) => hit.score >= minScore && fits(hit));
    return fitting ? [fitting, ...hits.filter((hit) => hit !== fitting)] : hits;
  }

  /** The hits in the order they answer the question: close ones that fit what it asks go first. */
  function rankedForQuestion(
    question: string,
    wants: QuestionWants,
    stated: StatedFigure[],
    found: SearchHit[],
  ): SearchHit[] {
    let hits = preferFittingHeading(question, found);
    // "HTX có bao nhiêu thành viên", naming no place, asks about the rule, not one province's figures.
    // "How many members does a cooperative need in Vietnam" asks the rule too: the law is nationwide.
    const asksFigures = asksNationwide(question) && !asksForRule(question);
    // "Quỹ HTX tỉnh mình do ai lập, ở đâu" asks who or where: the law names the body for every province,
    // a provincial report only tells what it did one year.
    const asksBody = asksWhoOrWhere(foldVietnamese(question));
    if (isLocalSection(hits[0]!.section) && (!asksLocally(question) || asksBody) && !asksFigures) {
      // The kind of question says more than the shared words: it may rank as far back as a focus.
      hits = closeFitFirst(hits, (hit) => !isLocalSection(hit.section), asksBody ? FOCUS_MIN_SCORE : CLOSE_FIT_SCORE);
    }
    hits = preferOverview(question, wants, hits);
    // "Chia theo vốn hay theo công": a passage naming both options answers, one naming one does not.
    const options = alternativesOf(question);
    if (options) hits = closeFitFirst(hits, (hit) => namesBoth(`${hit.section.heading}\n${hit.section.text}`, options));
    // "Giám đốc cần bằng cấp gì" asks for requirements: a passage stating them answers, not the director's
    // duties. The kind of question says more than the shared words, so it may rank as far back as a focus.
    if (asksRequirements(foldVietnamese(question))) {
      hits = closeFitFirst(hits, (hit) => statesRequirements(hit.section.heading), FOCUS_MIN_SCORE);
    }
    // "Con tui 16 tuổi…": a passage with a range holding the figure ("từ đủ 15 đến dưới 18 tuổi") is
    // about the asker's case.
    const own = ownFigures(stated);
    if (own.length > 0) hits = closeFitFirst(hits, (hit) => holdsStatedFigure(hit.section.text, own));
    return withoutOtherCounts(question, hits);
  }

  /** `quoteProfile` chooses the quoted sentences when other words than the searched ones ask (a part's own). */
  function extractive(
    question: string,
    profile: QuestionProfile,
    found: SearchHit[],
    confidence: number,
    budget?: number,
    quoteProfile = profile,
  ): Answer {
    const stated = statedFigures(question);
    const wants = questionWants(question);
    const { ranked, focused } = answeringHits(question, rankedForQuestion(question, wants, stated, found));
    // "con tui 16 tuổi" answered by "từ đủ 15 đến dưới 18 tuổi": the asker's figure is found, not missing.
    const sure = Math.max(confidence, figureFound(profile, stated, ranked[0]!));
    // "How many HTX in Vietnam" answered with one province's count: say it is local, not national.
    const localOnly = asksNationwide(question) && isLocalSection(ranked[0]!.section);
    // "nuôi tôm có tính là nông nghiệp hông" answered "Không, …" by a passage whose heading asks about
    // insurance: a yes or no to another subject's question would mislead, so it is offered, hedged.
    const otherYesNo = answersAnotherSubject(question, ranked[0]!.section);
    const unsure = sure < NOT_SURE_BELOW || !focused || localOnly || otherYesNo;
    // A hedge about land starts with what was found about land, not with the membership text that
    // shares "vô HTX": among the likeliest passages, those naming the question's subjects come first.
    const hits = unsure ? focusFirst(question, ranked) : ranked;
    const best = hits[0]!;
    // When unsure, the two likeliest passages, shorter, give the farmer a better chance than one.
    const used = unsure ? hits.slice(0, 2) : [best];
    const quote = unsure
      ? { budget: Math.min(UNSURE_PASSAGE_BUDGET, budget ?? UNSURE_PASSAGE_BUDGET), focus: true, wants, stated }
      : { wants, stated, budget };
    // Two passages of one document carry the same warnings: each is said once.
    const notes = new Set([t("ask-uncertain")]);
    // A provincial report's figures are background, never the long answer: quoted briefly.
    const quoteFor = (section: Section) =>
      isLocalSection(section) ? { ...quote, budget: Math.min(REPORT_BUDGET, quote.budget ?? REPORT_BUDGET) } : quote;
    const passages = used
      .flatMap((hit) => passageLines(hit.section, quoteProfile, t, quoteFor(hit.section)))
      .filter((line, i, all) => !(line.startsWith("⚠️") || notes.has(line)) || all.indexOf(line) === i);
    // "Nghe nói chỉ cần 3 người?" answered with "ít nhất 05 thành viên": say first that 3 is not right.
    const lead = passages[0] ?? "";
    const heard = unsure || startsWithRefutation(lead) ? null : wrongCountHeard(question, lead);
    return {
      answer: [
        ...(unsure ? [t(localOnly ? "ask-local-only" : "ask-not-sure")] : []),
        ...(heard ? [t("ask-premise-count", { heard })] : []),
        ...passages,
      ].join("\n"),
      declined: false,
      sources: answerSources(hits, used.length, t),
      // When unsure, the two likeliest topics are offered as choices (with Gặp cán bộ).
      followUps: unsure ? [...new Set(hits.slice(0, 2).map((h) => followUpLabel(h.section)))] : followUps(hits, index),
      confidence: sure,
      suggestOfficer: unsure || best.section.citations.some((c) => c.uncertain),
      hedged: unsure,
    };
  }

  async function generated(
    question: string,
    profile: QuestionProfile,
    hits: SearchHit[],
    confidence: number,
  ): Promise<Answer> {
    const passages = hits.slice(0, PASSAGES_FOR_LLM);
    try {
      const result = await llm!(question, passages);
      if (!result) {
        return { ...declined(t("ask-llm-unknown"), confidence), declined: false, followUps: followUps(hits, index) };
      }
      const order = [...result.cited, ...passages.map((_, i) => i).filter((i) => !result.cited.includes(i))];
      const ranked = order.map((i) => passages[i]!);
      return {
        answer: [result.text, ...citationLines(ranked[0]!.section, t)].join("\n"),
        declined: false,
        sources: answerSources(ranked, Math.max(1, result.cited.length), t),
        followUps: followUps(hits, index),
        confidence,
        suggestOfficer: ranked[0]!.section.citations.some((c) => c.uncertain),
      };
    } catch (error) {
      logger?.warn({ err: error }, "LLM answer failed; falling back to the extractive answer");
      return extractive(question, profile, hits, confidence);
    }
  }

  /**
   * `part` answers one part of a two-part question: briefly (`budget`), its sentences chosen by its
   * own words (`quoted`), other hits first when `reorder` says so (null keeps the order).
   */
  async function answerFromKnowledge(
    question: string,
    part?: {
      budget: number;
      quoted: string;
      reorder?: (hits: SearchHit[], index: KnowledgeIndex) => SearchHit[] | null;
    },
  ): Promise<Answer | null> {
    const index = await currentIndex();
    const searched = question.slice(0, MAX_QUESTION_CHARS);
    // One profile per question, for both ranking and quoting (a part's own words may quote).
    const profile = profileQuestion(searched, index.stats);
    const quoteProfile = part && part.quoted !== question ? profileQuestion(part.quoted, index.stats) : profile;
    const found = await index.search(searched, SEARCH_HITS, profile);
    const hits = part?.reorder?.(found, index) ?? found;
    const confidence = hits[0]?.coverage ?? 0;
    if (hits.length === 0 || confidence < HEDGE_FLOOR) return null;
    // Little of the question found: only a section whose heading names its topic is worth a hedge.
    if (confidence < NOT_FOUND_BELOW && !headingNamesTopic(searched, profile, hits[0]!)) return null;
    return llm
      ? generated(question, profile, hits, confidence)
      : extractive(searched, profile, hits, confidence, part?.budget, quoteProfile);
  }

  /**
   * Each question of a two-part message answered briefly under its own label, with its own source,
   * or said to be unanswered. Null when no part is answered confidently, or one passage answers
   * both: the message is then answered as one question.
   */
  async function answerTwoParts({ asked, searched, quoted }: TwoParts): Promise<Answer | null> {
    const answers = await Promise.all(
      searched.map((part, i) => answerFromKnowledge(part, { budget: PART_BUDGET, quoted: quoted[i]! })),
    );
    const sharedId = answers[0]?.sources[0]?.sectionId;
    if (sharedId && sharedId === answers[1]?.sources[0]?.sectionId) {
      // The passage quoted for the first part again: a close one holding what the second part adds
      // answers it ("trễ hạn thì sao"); without one, one passage answers the whole message.
      answers[1] = await answerFromKnowledge(searched[1], {
        budget: PART_BUDGET,
        quoted: quoted[1],
        reorder: (hits, index) =>
          otherPassageFirst(asked, sharedId, hits, (term) => index.stats.idf(term) ?? index.stats.unseenIdf),
      });
      if (answers[1]?.sources[0]?.sectionId === sharedId) return null;
    }
    // Neither part found, or both only guessed at: the message is better searched as one question.
    if (answers.every((a) => !a || a.hedged)) return null;
    const found = answers.filter((a): a is Answer => a !== null);
    const label = (part: string) => (part.length > PART_LABEL_CHARS ? `${part.slice(0, PART_LABEL_CHARS)}…` : part);
    return {
      // A warning or note both parts carry (same document) is said once.
      answer: answers
        .flatMap((a, i) => [
          t("ask-part", { part: label(asked[i]!) }),
          ...(a ? a.answer.split("\n") : [t("ask-part-not-found")]),
        ])
        .filter((line, i, all) => !(line.startsWith("⚠️") || line === t("ask-uncertain")) || all.indexOf(line) === i)
        .join("\n"),
      declined: false,
      // Sources of both parts in turn, so each part's own citation is among the first listed.
      sources: interleavedSources(found.map((a) => a.sources)),
      followUps: [...new Set(found.flatMap((a) => a.followUps))].slice(0, FOLLOW_UPS),
      confidence: Math.min(...found.map((a) => a.confidence)),
      suggestOfficer: found.length < 2 || found.some((a) => a.suggestOfficer),
      hedged: found.length < 2 || found.some((a) => a.hedged === true),
    };
  }

  return {
    async answer(question) {
      if (!question.trim()) return declined(t("ask-empty"));
      const verdict = screenQuestion(question);
      // Nothing an officer would answer either (a joke, the weather, someone's phone number): the menu
      // shows what we do, without offering to forward the message.
      if (verdict.kind === "out-of-scope") {
        return { ...declined(t(`ask-decline-${verdict.topic}`)), suggestOfficer: false, showMenu: true };
      }
      if (verdict.kind === "chat") {
        const reply = t(`ask-chat-${verdict.act}`);
        return {
          ...declined(verdict.english ? [t("ask-english-note"), reply].join("\n") : reply),
          suggestOfficer: verdict.act === "insult" || verdict.act === "about-bot",
          showMenu: true,
        };
      }
      if (verdict.kind === "english") {
        const inner = verdict.vietnamese ? await answerFromKnowledge(verdict.vietnamese) : null;
        if (!inner) return { ...declined([t("ask-english-note"), t("ask-english-none")].join("\n")), showMenu: true };
        return { ...inner, answer: [t("ask-english-note"), inner.answer].join("\n") };
      }
      if (verdict.kind === "injection") {
        // Refuse the instruction, but still answer a real question found next to it, unchanged.
        const inner = verdict.remainder ? await answerFromKnowledge(verdict.remainder) : null;
        const refusal = t("ask-decline-injection");
        if (!inner || inner.confidence < NOT_SURE_BELOW) return declined(refusal);
        return {
          ...inner,
          answer: [refusal, t("ask-decline-injection-answer"), inner.answer].join("\n"),
          declined: true,
        };
      }
      const parts = twoParts(question);
      const both = parts && namesOurDomain(question) ? await answerTwoParts(parts) : null;
      if (both) return both;
      const found = await answerFromKnowledge(question);
      if (!namesOurDomain(question) && (found?.confidence ?? 0) < OFF_DOMAIN_BELOW) {
        return { ...declined(t("ask-decline-other"), found?.confidence), showMenu: true };
      }
      return found ?? declined(t("ask-not-found"));
    },

    async section(sectionId) {
      const section = index.section(sectionId);
      if (!section) return null;
      const [main] = section.citations;
      return {
        id: section.id,
        heading: section.heading,
        text: section.text,
        topic: section.topic,
        reference: main ? t("ask-source", { reference: referenceText(main, t) }) : "",
        warnings: section.citations.map((c) => warningText(c, t)).filter((w): w is string => !!w),
        sources: section.citations.map((c) => citationSource(c, section.id, 1, t)),
      };
    },

    async topics() {
      const topics = new Map<string, string>();
      for (const s of index.sections) {
        if (s.kind === "guide" && s.topic && !topics.has(s.topic)) topics.set(s.topic, s.topicTitle ?? s.topic);
      }
      return [...topics].map(([id, title]) => ({ id, title }));
    },

    async sectionsOfTopic(topicId) {
      return index.sections.filter((s) => s.topic === topicId).map((s) => ({ id: s.id, heading: s.heading }));
    },

    async refresh() {
      if (await ensureIndex(options)) {
        files = await openKnowledgeIndex(options);
        index = files;
        indexedFaqs = faqSignature([]);
        faqState = null;
      }
      // An officer just published, changed or withdrew an FAQ entry: read them again now.
      if (faqs) {
        await reading;
        faqState = null;
        await currentIndex();
      }
    },
  };
}
