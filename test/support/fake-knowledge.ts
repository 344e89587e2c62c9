import type { Answer, KnowledgeService } from "../../src/knowledge/index.js";

/**
 * A knowledge service with two sections in one topic, for bot tests that check the chat around the
 * answers (buttons, follow-ups, officer hand-over), not retrieval quality.
 */
export function fakeKnowledge(): KnowledgeService & { asked: string[] } {
  const asked: string[] = [];
  const sections = [
    {
      id: "luat-htx-khai-niem-a1",
      heading: "Hợp tác xã cần mấy người?",
      text: "Ít nhất 05 thành viên chính thức.",
      topic: "khai-niem",
    },
    {
      id: "luat-htx-khai-niem-b2",
      heading: "Tổ hợp tác là gì?",
      text: "Ít nhất 02 thành viên, không có tư cách pháp nhân.",
      topic: "khai-niem",
    },
  ];
  return {
    asked,
    async answer(question): Promise<Answer> {
      asked.push(question);
      if (/cam on|cảm ơn/i.test(question)) {
        return {
          answer: "Dạ không có chi!",
          declined: true,
          sources: [],
          followUps: [],
          confidence: 0,
          suggestOfficer: false,
          showMenu: true,
        };
      }
      // A question of our domain that no section answers: the real service offers an officer.
      if (/quy che noi bo/i.test(question)) {
        return {
          answer: "Xin lỗi, mình chưa tìm thấy quy định nào trả lời câu này.",
          declined: true,
          sources: [],
          followUps: [],
          confidence: 0,
          suggestOfficer: true,
        };
      }
      return {
        answer: "Hợp tác xã cần ít nhất 05 thành viên chính thức.\nNguồn: Điều 4, Luật Hợp tác xã 2023 (17/2023/QH15).",
        declined: false,
        sources: [
          {
            doc: "17/2023/QH15",
            article: "4",
            title: "Luật Hợp tác xã 2023",
            score: 1,
            status: "in_force",
            sectionId: "luat-htx-khai-niem-a1",
          },
        ],
        followUps: ["Tổ hợp tác là gì?"],
        confidence: 0.9,
        suggestOfficer: false,
      };
    },
    async section(id) {
      const found = sections.find((s) => s.id === id);
      return found
        ? { ...found, reference: "Nguồn: Điều 4, Luật Hợp tác xã 2023 (17/2023/QH15).", warnings: [], sources: [] }
        : null;
    },
    topics: async () => [{ id: "khai-niem", title: "Khái niệm" }],
    sectionsOfTopic: async (topicId) =>
      sections.filter((s) => s.topic === topicId).map(({ id, heading }) => ({ id, heading })),
    refresh: async () => undefined,
  };
}
