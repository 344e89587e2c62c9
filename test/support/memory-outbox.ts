import type { ChatAddress, OutboundMessage, Outbox } from "../../src/outbound/outbox.js";

/** An outbox that keeps what was queued, for tests that read what would be sent. */
export function memoryOutbox(): Outbox & { sent: Array<{ to: ChatAddress; message: OutboundMessage }> } {
  const sent: Array<{ to: ChatAddress; message: OutboundMessage }> = [];
  return {
    sent,
    async enqueue(to, message) {
      sent.push({ to, message });
    },
  };
}
