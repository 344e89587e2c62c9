import { Prisma } from "../db/index.js";
import { isTopic, type Topic } from "./topics.js";

/** Who a campaign is for. Each empty list means "no restriction": all empty is everyone subscribed. */
export interface Segment {
  topics: Topic[];
  communes: string[];
  sectors: string[];
  channels: string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 64) : [];

/** A segment from stored JSON: unknown topics and odd values are dropped, never trusted. */
export function readSegment(value: unknown): Segment {
  return readSegmentChecked(value).segment;
}

/**
 * A segment and whether reading it dropped a value. A form must refuse a dropped value rather than
 * send: a list that loses its only (crafted or stale) value means "no restriction", i.e. everyone.
 */
export function readSegmentChecked(value: unknown): { segment: Segment; dropped: boolean } {
  const raw = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const read = (name: keyof Segment, keep: (v: string) => boolean = () => true) => {
    const given = Array.isArray(raw[name]) ? (raw[name] as unknown[]) : [];
    const kept = strings(given).filter(keep);
    return { values: [...new Set(kept)], dropped: kept.length < given.length };
  };
  const parts = {
    topics: read("topics", isTopic),
    communes: read("communes"),
    sectors: read("sectors"),
    channels: read("channels"),
  };
  return {
    segment: {
      topics: parts.topics.values as Topic[],
      communes: parts.communes.values,
      sectors: parts.sectors.values,
      channels: parts.channels.values,
    },
    dropped: Object.values(parts).some((part) => part.dropped),
  };
}

/**
 * The WHERE clause over `subscription s` for a segment, limited to channels that can deliver now.
 * Sectors come from the farmer's registrations (a subscription has no sector of its own).
 */
export function segmentWhere(segment: Segment, deliverable: readonly string[]): Prisma.Sql {
  const channels =
    segment.channels.length > 0 ? segment.channels.filter((c) => deliverable.includes(c)) : [...deliverable];
  if (channels.length === 0) return Prisma.sql`FALSE`;
  const parts = [Prisma.sql`s.channel IN (${Prisma.join(channels)})`, Prisma.sql`cardinality(s.topics) > 0`];
  if (segment.topics.length > 0) parts.push(Prisma.sql`s.topics && ARRAY[${Prisma.join(segment.topics)}]::text[]`);
  if (segment.communes.length > 0) parts.push(Prisma.sql`s.commune_code IN (${Prisma.join(segment.communes)})`);
  if (segment.sectors.length > 0) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM lead l WHERE l.channel = s.channel AND l.chat_id = s.chat_id AND l.erased_at IS NULL AND l.sectors && ARRAY[${Prisma.join(segment.sectors)}]::text[])`,
    );
  }
  return Prisma.join(parts, " AND ");
}
