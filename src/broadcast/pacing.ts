import type { PrismaClient } from "../db/index.js";

/**
 * Pacing per channel, shared by every instance through one row per channel (`channel_pace`): a
 * sender reserves the next free slots with one atomic UPDATE, so N instances together still send at
 * most `ratePerSecond`. A flood reply (429 retry_after) moves the next slot for the whole channel.
 */
export interface Pacer {
  /** Reserves the next `count` slots of `channel` (one statement); resolves with the moments they may be used. */
  reserve(channel: string, now: Date, count?: number): Promise<Date[]>;
  /** Nothing leaves through `channel` before `until`. */
  pause(channel: string, until: Date): Promise<void>;
  /** Whole milliseconds between two slots of `channel`. */
  intervalMs(channel: string): number;
}

export function prismaPacer(prisma: PrismaClient, ratePerSecond: (channel: string) => number): Pacer {
  // Whole milliseconds (the column keeps ms), rounded up so the rate is never exceeded.
  const intervalMs = (channel: string) => Math.ceil(1000 / ratePerSecond(channel));
  return {
    intervalMs,
    async reserve(channel, now, count = 1) {
      const interval = intervalMs(channel);
      const span = interval * count;
      const [row] = await prisma.$queryRaw<[{ first: Date }]>`
        INSERT INTO channel_pace (channel, next_at) VALUES (${channel}, ${new Date(now.getTime() + span)})
        ON CONFLICT (channel) DO UPDATE
          SET next_at = GREATEST(channel_pace.next_at, ${now}) + ${span} * interval '1 millisecond'
        RETURNING next_at - ${span} * interval '1 millisecond' AS first`;
      return Array.from({ length: count }, (_, i) => new Date(row.first.getTime() + i * interval));
    },
    async pause(channel, until) {
      await prisma.$executeRaw`
        INSERT INTO channel_pace (channel, next_at) VALUES (${channel}, ${until})
        ON CONFLICT (channel) DO UPDATE SET next_at = GREATEST(channel_pace.next_at, ${until})`;
    },
  };
}
