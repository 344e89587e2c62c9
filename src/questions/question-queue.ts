/**
 * Questions a farmer wants an officer to answer (*Gặp cán bộ*, or a question the knowledge base could
 * not answer). Officers read the queue and reply; the reply goes back to the same chat.
 */
export interface QuestionInput {
  channel: string;
  chatId: string;
  text: string;
  origin: "contact" | "unanswered";
  at: Date;
}

export interface QueuedQuestion extends QuestionInput {
  id: number;
  reference: string;
  status: "open" | "answered";
}

export interface QuestionQueue {
  submit(question: QuestionInput): Promise<QueuedQuestion>;
}

/** Short code a farmer can quote on the phone; derived from the id so it is unique and stable. */
export function questionReference(id: number): string {
  return `CH-${id.toString().padStart(5, "0")}`;
}

export function memoryQuestionQueue(): QuestionQueue & { all(): QueuedQuestion[] } {
  const items: QueuedQuestion[] = [];
  return {
    async submit(question) {
      const id = items.length + 1;
      const queued: QueuedQuestion = { ...question, id, reference: questionReference(id), status: "open" };
      items.push(queued);
      return queued;
    },
    all: () => [...items],
  };
}
