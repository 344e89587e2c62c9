import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { TranscriptionFailed } from "../../speech/transcriber.js";

/** Voice messages are seconds long; a bigger file is not one. */
const MAX_VOICE_BYTES = 10 * 1024 * 1024;

class VoiceUnavailable extends Error {}

async function download(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url).catch((error: Error) => {
    throw new VoiceUnavailable(`voice download failed (${error.name})`);
  });
  if (!response.ok) throw new VoiceUnavailable(`voice download answered HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_VOICE_BYTES) throw new VoiceUnavailable("voice file too large");
  return bytes;
}

/**
 * A voice message becomes the text it says, before flows and features see it, so a spoken answer
 * works wherever a typed one does; the farmer is shown what was understood. Without a speech-to-text
 * endpoint, or when it fails, the farmer is asked politely to type. `fileUrl` turns the channel's
 * file path into a download address (Telegram: the file API; Zalo: the path is the URL).
 */
export function voiceToText(fileUrl: ((filePath: string) => string) | undefined): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const voice = ctx.message?.voice ?? ctx.message?.audio;
    if (!ctx.message || !voice) return next();
    const speech = ctx.services.speech;
    if (!speech || !fileUrl) {
      await ctx.reply(ctx.t("voice-please-type"));
      return;
    }
    let heard: string;
    try {
      await ctx.replyWithChatAction("typing").catch(() => undefined);
      const file = await ctx.api.getFile(voice.file_id);
      if (!file.file_path) throw new VoiceUnavailable("voice file has no path");
      heard = await speech.transcribe(
        await download(fileUrl(file.file_path)),
        `voice-${voice.file_unique_id}.${file.file_path.split(".").pop() ?? "ogg"}`,
      );
    } catch (error) {
      if (!(error instanceof VoiceUnavailable || error instanceof TranscriptionFailed)) throw error;
      ctx.logger.warn({ err: { message: error.message } }, "voice not transcribed");
      await ctx.reply(ctx.t("voice-failed"));
      return;
    }
    if (heard === "") {
      await ctx.reply(ctx.t("voice-not-understood"));
      return;
    }
    await ctx.reply(ctx.t("voice-heard", { text: heard }));
    // From here on the message is what the farmer said, as if typed.
    Object.assign(ctx.message, { text: heard });
    await next();
  };
}
