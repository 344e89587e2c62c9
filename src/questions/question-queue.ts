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
  /** The lead whose officer's message this answers («Trả lời cán bộ»): named in the officers' notice. */
  replyTo?: string;
}

export interface QueuedQuestion extends QuestionInput {
  id: number;
  reference: string;
  status: "open" | "answered" | "closed";
}

export type AnswerOutcome = { ok: true; question: QueuedQuestion } | { ok: false; problem: string };

export interface QuestionQueue {
  /** Stores the question and tells the officers who linked a chat. */
  submit(question: QuestionInput): Promise<QueuedQuestion>;
  /** Open questions, oldest first (who waited longest), and how many are open in all. */
  open(limit: number): Promise<{ questions: QueuedQuestion[]; total: number }>;
  find(id: number): Promise<QueuedQuestion | undefined>;
  /** Stores the answer once and queues it to the farmer's chat; a problem is a locale key. */
  answer(input: { id: number; answer: string; officerId: number; at: Date }): Promise<AnswerOutcome>;
}

/** Short code a farmer can quote on the phone; derived from the id so it is unique and stable. */
export function questionReference(id: number): string {
  return `CH-${id.toString().padStart(5, "0")}`;
}

/** Callback data of the *Trả lời* button under a question shown to an officer. */
export const ANSWER_BUTTON_PREFIX = "oc:qa:";

export function memoryQuestionQueue(): QuestionQueue & {
  all(): QueuedQuestion[];
  answers: Array<{ id: number; answer: string; officerId: number }>;
} {
  const items: QueuedQuestion[] = [];
  const answers: Array<{ id: number; answer: string; officerId: number }> = [];
  return {
    async submit(question) {
      const id = items.length + 1;
      const queued: QueuedQuestion = { ...question, id, reference: questionReference(id), status: "open" };
      items.push(queued);
      return queued;
    },
    async open(limit) {
      const open = items.filter((q) => q.status === "open");
      return { questions: open.slice(0, limit), total: open.length };
    },
    async find(id) {
      return items.find((q) => q.id === id);
    },
    async answer({ id, answer, officerId }) {
      const question = items.find((q) => q.id === id);
      if (!question) return { ok: false, problem: "admin-error-not-found" };
      if (question.status !== "open") return { ok: false, problem: "admin-error-question-answered" };
      question.status = "answered";
      answers.push({ id, answer, officerId });
      return { ok: true, question };
    },
    all: () => [...items],
    answers,
  };
}
