import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { foldVietnamese } from "../../src/lib/vietnamese.js";

/**
 * A local stand-in for an OpenAI-compatible endpoint: POST /v1/embeddings (deterministic bag-of-words
 * vectors, float or base64 encoding), POST /v1/chat/completions (answers from a test-supplied
 * function, or an HTTP error) and POST /v1/audio/transcriptions (multipart; the fake "hears" the
 * audio file's bytes as UTF-8 text, or answers with a test-supplied status). Records every request so
 * tests can check what was sent.
 */

export const FAKE_EMBEDDING_DIMENSION = 64;

export interface FakeOpenAI {
  baseURL: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  /** Replies to chat completions; a number makes the server answer with that HTTP status (a promise: later). */
  chat: (messages: Array<{ role: string; content: string }>) => string | number | Promise<string | number>;
  /** Replies to transcriptions: the text heard in the audio bytes, or an HTTP status. */
  transcribe: (audio: Buffer) => string | number;
  close(): Promise<void>;
}

function embed(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_DIMENSION).fill(0);
  for (const word of foldVietnamese(text).split(" ").filter(Boolean)) {
    let hash = 0;
    for (const ch of word) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    vector[hash % FAKE_EMBEDDING_DIMENSION]! += 1;
  }
  const norm = Math.sqrt(vector.reduce((a, v) => a + v * v, 0)) || 1;
  return vector.map((v) => v / norm);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The fields of a multipart/form-data body: text fields as strings, files as bytes. */
function multipartFields(raw: Buffer, contentType: string): Record<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return {};
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Record<string, Buffer> = {};
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const name = /name="([^"]+)"/.exec(part.subarray(0, headerEnd).toString("utf8"))?.[1];
    if (name) fields[name] = part.subarray(headerEnd + 4);
    start = next;
  }
  return fields;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: Omit<FakeOpenAI, "baseURL" | "close"> = {
    requests: [],
    chat: () => "KHONG_DU_THONG_TIN",
    transcribe: (audio) => audio.toString("utf8"),
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = req.url ?? "";
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.method === "POST" && path === "/v1/audio/transcriptions") {
      const fields = multipartFields(raw, req.headers["content-type"] ?? "");
      fake.requests.push({
        path,
        body: {
          model: fields.model?.toString("utf8"),
          language: fields.language?.toString("utf8"),
          fileBytes: fields.file?.length ?? 0,
        },
      });
      const heard = fields.file ? fake.transcribe(fields.file) : 400;
      if (typeof heard === "number") send(heard, { error: { message: "fake failure", type: "server_error" } });
      else send(200, { text: heard });
      return;
    }
    const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    fake.requests.push({ path, body });
    if (req.method === "POST" && path === "/v1/embeddings") {
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      const data = inputs.map((input, index) => {
        const vector = embed(input);
        const embedding =
          body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
        return { object: "embedding", index, embedding };
      });
      send(200, { object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
      return;
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      const reply = await fake.chat(body.messages as Array<{ role: string; content: string }>);
      if (typeof reply === "number") {
        send(reply, { error: { message: "fake failure", type: "server_error" } });
        return;
      }
      send(200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
      return;
    }
    send(404, { error: { message: `no route ${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  });
}
