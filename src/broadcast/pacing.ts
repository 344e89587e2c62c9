import type { PrismaClient } from "../db/index.js";

/**
 * Pacing per channel, shared by every instance through one row per channel (`channel_pace`): each
 * message reserves the next free slot with one atomic UPDATE, so N instances together still send at
 * most `ratePerSecond`. A flood reply (429 retry_after) moves the next slot for the whole channel.
 */
export interface Pacer {
  /** Reserves the next slot of `channel`; resolves with the moment it may send. */
  reserve(channel: string, now: Date): Promise<Date>;
  /** Nothing leaves through `channel` before `until`. */
  pause(channel: string, until: Date): Promise<void>;
}

export function prismaPacer(prisma: PrismaClient, ratePerSecond: (channel: string) => number): Pacer {
  return {
    async reserve(channel, now) {
      // Whole milliseconds (the column keeps ms), rounded up so the rate is never exceeded.
      const intervalMs = Math.ceil(1000 / ratePerSecond(channel));
      const [row] = await prisma.$queryRaw<[{ slot: Date }]>`
        INSERT INTO channel_pace (channel, next_at) VALUES (${channel}, ${new Date(now.getTime() + intervalMs)})
        ON CONFLICT (channel) DO UPDATE
          SET next_at = GREATEST(channel_pace.next_at, ${now}) + ${intervalMs} * interval '1 millisecond'
        RETURNING next_at - ${intervalMs} * interval '1 millisecond' AS slot`;
      return row.slot;
    },
    async pause(channel, until) {
      await prisma.$executeRaw`
        INSERT INTO channel_pace (channel, next_at) VALUES (${channel}, ${until})
        ON CONFLICT (channel) DO UPDATE SET next_at = GREATEST(channel_pace.next_at, ${until})`;
    },
  };
}
