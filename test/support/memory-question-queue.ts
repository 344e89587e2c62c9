import { questionReference, type QueuedQuestion, type QuestionQueue } from "../../src/questions/question-queue.js";

/** The question queue in memory, for bot tests without a database. */
export function memoryQuestionQueue(): QuestionQueue & {
  all(): QueuedQuestion[];
  answers: Array<{ id: number; answer: string; officerId: number }>;
} {
  const items: QueuedQuestion[] = [];
  const answers: Array<{ id: number; answer: string; officerId: number }> = [];
  const submitted = new Map<number, string>();
  return {
    async submit({ replyTo: _replyTo, submission, ...question }) {
      const earlier = items.find((q) => submission !== undefined && submitted.get(q.id) === submission);
      if (earlier) return earlier;
      const id = items.length + 1;
      const queued: QueuedQuestion = { ...question, id, reference: questionReference(id), status: "open" };
      items.push(queued);
      if (submission !== undefined) submitted.set(id, submission);
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
    async lastOfficerWord(chat) {
      const answered = answers.map((a) => items.find((q) => q.id === a.id)!);
      return answered.findLast((q) => q.channel === chat.channel && q.chatId === chat.chatId)?.reference;
    },
    all: () => [...items],
    answers,
  };
}
