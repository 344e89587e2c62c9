/**
 * Remembers which updates were processed, per channel, so a redelivered update (webhook retry,
 * web chat resend on a weak network) runs once. `claim` is atomic: true for the first caller only.
 */
export interface UpdateLedger {
  claim(channel: string, updateId: string): Promise<boolean>;
}

export function memoryUpdateLedger(): UpdateLedger {
  const seen = new Set<string>();
  return {
    async claim(channel, updateId) {
      const key = `${channel}:${updateId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}
