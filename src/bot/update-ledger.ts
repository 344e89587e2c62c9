import { applyWrites, type KeyValueStore, type StateWrite } from "./key-value-store.js";

/**
 * What to do with an incoming update:
 * - run: nobody processed it yet, or its last claim died (crash) and this one takes it over;
 *   `attempt` counts the claims, so an update that keeps killing the process can be given up;
 *   `state` holds the stored values of the keys asked for (absent keys as undefined);
 * - done: processed and committed before (a redelivery): skip it;
 * - busy: another live claim is processing it right now.
 */
export type RunClaim = { kind: "run"; attempt: number; state: Map<string, unknown> };
export type Claim = RunClaim | { kind: "done" } | { kind: "busy" };

/** A claim asked for outside `begin` (see claimedAhead): the same arguments in one object. */
export interface ClaimRequest {
  channel: string;
  updateId: string;
  exclusive: boolean;
  readKeys: string[];
}

/**
 * At-least-once processing with exactly-once effects on our state: an update is recorded as
 * "processing" before its handler runs and as "done" only in the same transaction as the chat state
 * it changed, so a crash in between leaves it to be processed again on redelivery.
 */
export interface UpdateLedger {
  /**
   * Claims an update. `exclusive` says the caller holds the chat's lock (across instances), so a
   * "processing" row can only be a dead claim and is taken over at once; otherwise after its lease.
   * `readKeys`: state keys the update will read (its chat's session and conversation), read in the
   * same round trip as the claim, since every update reads them right after.
   */
  begin(channel: string, updateId: string, options: { exclusive: boolean; readKeys?: string[] }): Promise<Claim>;
  /** Marks the update done and applies the state writes it made, atomically. */
  finish(channel: string, updateId: string, writes: StateWrite[]): Promise<void>;
  /** Where an update stands, for channels that answer a resend (the web chat). */
  state(channel: string, updateId: string): Promise<"processing" | "done" | undefined>;
}

/** An update to mark done with the state writes it made: `finish`'s arguments in one object. */
export interface FinishRequest {
  channel: string;
  updateId: string;
  writes: StateWrite[];
}

/** How long a claim is trusted without the chat lock; longer than any update takes. */
export const CLAIM_LEASE_MS = 60_000;

/**
 * For a channel that claims an update itself, in the same round trip as it stores the update's input
 * (the web chat): the bot's `begin` gets that claim, once; everything else goes to `ledger`.
 */
export function claimedAhead(ledger: UpdateLedger) {
  const claims = new Map<string, Claim>();
  const key = (channel: string, updateId: string) => `${channel}:${updateId}`;
  const wrapped: UpdateLedger = {
    begin(channel, updateId, options) {
      const claim = claims.get(key(channel, updateId));
      if (!claim) return ledger.begin(channel, updateId, options);
      claims.delete(key(channel, updateId));
      return Promise.resolve(claim);
    },
    finish: (channel, updateId, writes) => ledger.finish(channel, updateId, writes),
    state: (channel, updateId) => ledger.state(channel, updateId),
  };
  return {
    ledger: wrapped,
    /** Runs `task` (the update's handling) with `claim` waiting for its `begin`. */
    async holding<T>(request: ClaimRequest, claim: Claim, task: () => Promise<T>): Promise<T> {
      claims.set(key(request.channel, request.updateId), claim);
      try {
        return await task();
      } finally {
        claims.delete(key(request.channel, request.updateId));
      }
    },
  };
}

/** For unit tests: the same contract in memory; `finish` applies the writes to `store`. */
export function memoryUpdateLedger(store: KeyValueStore): UpdateLedger {
  const rows = new Map<string, { state: "processing" | "done"; attempts: number; leaseUntil: number }>();
  return {
    async begin(channel, updateId, { exclusive, readKeys = [] }) {
      const key = `${channel}:${updateId}`;
      const row = rows.get(key);
      if (row?.state === "done") return { kind: "done" };
      if (row && !exclusive && row.leaseUntil > Date.now()) return { kind: "busy" };
      const attempts = (row?.attempts ?? 0) + 1;
      rows.set(key, { state: "processing", attempts, leaseUntil: Date.now() + CLAIM_LEASE_MS });
      const state = new Map<string, unknown>();
      for (const key of readKeys) state.set(key, await store.read(key));
      return { kind: "run", attempt: attempts, state };
    },
    async finish(channel, updateId, writes) {
      await applyWrites(store, writes);
      const key = `${channel}:${updateId}`;
      rows.set(key, { state: "done", attempts: rows.get(key)?.attempts ?? 1, leaseUntil: 0 });
    },
    async state(channel, updateId) {
      return rows.get(`${channel}:${updateId}`)?.state;
    },
  };
}
