/**
 * Speech to text on an OpenAI-compatible endpoint (OpenAI, or a local Whisper server):
 * `POST <baseURL>/audio/transcriptions` with the audio as multipart form data. Voice messages are
 * short; Vietnamese is asked for so a short reply ("có", "hông") is not heard as another language.
 */
export interface Transcriber {
  transcribe(audio: Uint8Array<ArrayBuffer>, fileName: string): Promise<string>;
}

export class TranscriptionFailed extends Error {}

export function openAiTranscriber(options: {
  baseURL: string;
  apiKey?: string;
  model: string;
  fetchImpl?: typeof fetch;
}): Transcriber {
  const doFetch = options.fetchImpl ?? fetch;
  return {
    async transcribe(audio, fileName) {
      const form = new FormData();
      form.append("file", new Blob([audio]), fileName);
      form.append("model", options.model);
      form.append("language", "vi");
      form.append("response_format", "json");
      const response = await doFetch(`${options.baseURL.replace(/\/+$/, "")}/audio/transcriptions`, {
        method: "POST",
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        body: form,
      }).catch((error: Error) => {
        throw new TranscriptionFailed(`speech-to-text unreachable (${error.name})`);
      });
      if (!response.ok) throw new TranscriptionFailed(`speech-to-text answered HTTP ${response.status}`);
      const body = (await response.json().catch(() => undefined)) as { text?: unknown } | undefined;
      if (typeof body?.text !== "string") throw new TranscriptionFailed("speech-to-text answer has no text");
      return body.text.trim();
    },
  };
}
