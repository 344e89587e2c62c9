/**
 * Delivers webhooks the way Telegram does: an update that did not get a 200 (connection refused or
 * reset because the bot crashed, a 5xx) is sent again, to wherever the bot listens now, until it is
 * acknowledged.
 */
export function webhookDeliverer(options: { secret: string; target: () => string; giveUpMs?: number }) {
  return async function deliver(update: unknown): Promise<number> {
    const deadline = Date.now() + (options.giveUpMs ?? 60_000);
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(options.target(), {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": options.secret },
          body: JSON.stringify(update),
        });
        await response.arrayBuffer();
        if (response.ok) return attempt;
      } catch {
        // Refused or reset: the bot is down; try again like Telegram does.
      }
      if (Date.now() > deadline) throw new Error(`webhook not acknowledged within ${options.giveUpMs ?? 60_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
}
