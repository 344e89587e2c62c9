/**
 * Questions a farmer wants an officer to answer (*Gặp cán bộ*, or a question the knowledge base could
 * not answer). Officers read the queue and reply, in the dashboard or in their chat; the reply goes
 * back to the farmer's chat.
 */
export interface QuestionInput {
  channel: string;
  chatId: string;
  text: string;
  origin: "contact" | "unanswered";
  at: Date;
  /**
   * What this answers («Trả lời cán bộ»): the lead an officer wrote about, or the question an officer
   * answered (CH-…). When that is about this chat's lead the reply names the lead to the officers.
   */
  replyTo?: string;
  /** The press that sent it (channel and update): submitting it again after a crash stores nothing new. */
  submission?: string;
}

export interface QueuedQuestion extends Omit<QuestionInput, "origin" | "replyTo" | "submission"> {
  id: number;
  reference: string;
  origin: QuestionInput["origin"] | "lead_reply" | "answer_reply";
  status: "open" | "answered" | "closed";
}

export type AnswerOutcome = { ok: true; question: QueuedQuestion } | { ok: false; problem: string };

export interface QuestionQueue {
  /** Stores the question (once per submission) and tells the officers who linked a chat. */
  submit(question: QuestionInput): Promise<QueuedQuestion>;
  /** Open questions, oldest first (who waited longest), and how many are open in all. */
  open(limit: number): Promise<{ questions: QueuedQuestion[]; total: number }>;
  find(id: number): Promise<QueuedQuestion | undefined>;
  /** Stores the answer once and queues it to the farmer's chat; a problem is a locale key. */
  answer(input: { id: number; answer: string; officerId: number; at: Date }): Promise<AnswerOutcome>;
  /**
   * What «Trả lời cán bộ» typed in this chat answers: the reference the button under the officers'
   * latest word to it carries (a lead's for a message or answer about a lead, else the question's).
   */
  lastOfficerWord(chat: { channel: string; chatId: string }): Promise<string | undefined>;
}

export const QUESTION_REFERENCE_PREFIX = "CH-";
/** A question's reference as callback data matches it ("CH-00001"; more digits after 99999). */
export const QUESTION_REFERENCE_PATTERN = `${QUESTION_REFERENCE_PREFIX}\\d{5,}`;

/** Short code a farmer can quote on the phone; derived from the id so it is unique and stable. */
export function questionReference(id: number): string {
  return `${QUESTION_REFERENCE_PREFIX}${id.toString().padStart(5, "0")}`;
}

/** The question id a reference names, or undefined when it names no question (a lead's HTX-…). */
export function questionIdOf(reference: string): number | undefined {
  return reference.startsWith(QUESTION_REFERENCE_PREFIX)
    ? Number(reference.slice(QUESTION_REFERENCE_PREFIX.length))
    : undefined;
}

/** Callback data of the *Trả lời* button under a question shown to an officer. */
export const ANSWER_BUTTON_PREFIX = "oc:qa:";
