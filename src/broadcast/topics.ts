/** What farmers can subscribe to; each campaign targets one or more of them. */
export const TOPICS = ["training", "credit", "fairs", "law"] as const;
export type Topic = (typeof TOPICS)[number];

export const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

export const topicLabelKey = (topic: Topic) => `sub-topic-${topic}`;
