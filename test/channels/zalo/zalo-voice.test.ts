import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeZaloBot, zaloUpdate, type FakeZaloBot } from "../../support/fake-zalo-bot-server.js";
import { startFakeOpenAI, type FakeOpenAI } from "../../support/fake-openai.js";
import { startTestApp } from "../../support/in-process-app.js";

const TOKEN = "8123:fake-zalo-bot-secret";
const USER = "zalo-voice-user";

describe("Zalo voice messages with a speech-to-text endpoint (fake Zalo and fake STT over HTTP)", () => {
  let zalo: FakeZaloBot;
  let openai: FakeOpenAI;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    zalo = await startFakeZaloBot(TOKEN);
    openai = await startFakeOpenAI();
    app = await startTestApp({
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_POLL_TIMEOUT: "1",
      OPENAI_BASE_URL: openai.baseURL,
      STT_MODEL: "whisper-test",
    });
  }, 180_000); // starting the app builds the retrieval index: slow on a loaded machine
  afterAll(async () => {
    await app.stop();
    await zalo.close();
    await openai.close();
  });

  const sendVoice = async (id: string, spoken: string, expected: RegExp) => {
    const before = zalo.calls.length;
    // The fake STT hears the file's bytes as text: the "recording" is what the farmer said.
    zalo.push(
      zaloUpdate({ messageId: id, userId: USER, voice: zalo.putFile(`${id}.aac`, Buffer.from(spoken, "utf8")) }),
    );
    await zalo.waitFor(
      (c) => c.method === "sendMessage" && c.payload.chat_id === USER && expected.test(String(c.payload.text)),
      30_000,
      before,
    );
    return zalo.textsTo(USER, before).join("\n---\n");
  };

  it("transcribes a voice message, shows what was understood and answers it like typed text", async () => {
    const menu = await sendVoice("v-1", "xin chào", /trả lời số/);
    expect(menu).toContain("🎤 Tôi nghe bà con nói: «xin chào»");
    expect(menu).toContain("1. 📘 Tìm hiểu Luật HTX 2023");
    const request = openai.requests.find((r) => r.path === "/v1/audio/transcriptions")!;
    expect(request.body).toMatchObject({ model: "whisper-test", language: "vi" });
    expect(request.body.fileBytes).toBe(Buffer.byteLength("xin chào"));

    // A spoken answer works inside a flow as a typed one does.
    zalo.push(zaloUpdate({ messageId: "v-2", userId: USER, text: "2" }));
    await zalo.waitFor(
      (c) => c.method === "sendMessage" && c.payload.chat_id === USER && /Câu 1\//.test(String(c.payload.text)),
    );
    expect(await sendVoice("v-3", "vay vốn", /Câu 2\//)).toContain("«vay vốn»");
  });

  it("asks the farmer to type when the speech-to-text endpoint fails", async () => {
    openai.transcribe = () => 503;
    const reply = await sendVoice("v-4", "có", /nhắn bằng chữ/);
    expect(reply).toContain("chưa nghe rõ");
  });
});
