/** Shapes shared by ingest, retrieval and answering. */

export type SourceStatus = "in_force" | "amended" | "expired" | "outdated_in_part" | "unknown";

/** Where a passage comes from, as written in a guide's `<!-- cite -->` block or inferred from a legal text. */
export interface Citation {
  doc: string;
  docTitle: string;
  article: string | null;
  clause?: string;
  effective?: string;
  expires?: string;
  status: SourceStatus;
  amendedBy?: string[];
  uncertain: boolean;
  note?: string;
}

/** One retrievable chunk: a `##` section of a guide or one Điều (or khoản) of an official text. */
export interface Section {
  /** Stable id (file stem + hash of file and heading), short enough for chat button payloads. */
  id: string;
  /** Path relative to the knowledge directory, with forward slashes. */
  file: string;
  kind: "guide" | "legal";
  topic: string | null;
  topicTitle: string | null;
  heading: string;
  text: string;
  citations: Citation[];
  keywords: string[];
  /** Position inside its file, used to suggest neighbouring sections. */
  order: number;
}

export interface AnswerSource {
  doc: string;
  article: string | null;
  title: string;
  score: number;
  status: string;
  statusNote?: string;
  sectionId: string;
}

export interface Answer {
  answer: string;
  declined: boolean;
  sources: AnswerSource[];
  followUps: string[];
  /** 0..1: how much of the question the best passage covers; low values come with `suggestOfficer`. */
  confidence: number;
  /** True when the chat should offer the *Gặp cán bộ* button prominently. */
  suggestOfficer: boolean;
  /**
   * True when the answer says it may not fit the question (low coverage, or the question's focus is
   * missing from what was found); `followUps` then holds the likeliest topics.
   */
  hedged?: boolean;
  /** Small talk, insults and the like: the chat answers briefly and shows the main menu. */
  showMenu?: boolean;
}

export interface OpenAIOptions {
  apiKey?: string;
  baseURL?: string;
  /** Chat model; answers are generated only when this is set. */
  model?: string;
  embeddingsModel?: string;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** An officer's published answer (an FAQ entry), served next to the knowledge files. */
export interface FaqInput {
  id: number;
  /** How officers name the entry ("HD-0003"), shown in the source line. */
  reference: string;
  question: string;
  answer: string;
  publishedAt: Date;
}

export interface FaqProvider {
  /** The entries farmers may see now (published ones only). */
  load(): Promise<FaqInput[]>;
  /**
   * How long a loaded list is trusted before a question reads it again (another instance may have
   * published); `refresh()` drops it at once. Default 30 s.
   */
  maxAgeMs?: number;
}

export interface KnowledgeOptions {
  /** Root for generated data; the index lives in `<dataDir>/index` unless `indexDir` is given. */
  dataDir: string;
  indexDir?: string;
  knowledgeDir: string;
  openai?: OpenAIOptions;
  logger?: Logger;
  /** Officers' FAQ entries (from the database), searched like guide sections. */
  faqs?: FaqProvider;
}
