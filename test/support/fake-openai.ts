import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { foldVietnamese } from "../../src/lib/vietnamese.js";

/**
 * A local stand-in for an OpenAI-compatible endpoint: POST /v1/embeddings (deterministic bag-of-words
 * vectors, float or base64 encoding) and POST /v1/chat/completions (answers from a test-supplied
 * function, or an HTTP error). Records every request so tests can check what was sent.
 */

export const FAKE_EMBEDDING_DIMENSION = 64;

export interface FakeOpenAI {
  baseURL: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  /** Replies to chat completions; a number makes the server answer with that HTTP status (a promise: later). */
  chat: (messages: Array<{ role: string; content: string }>) => string | number | Promise<string | number>;
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

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: Omit<FakeOpenAI, "baseURL" | "close"> = { requests: [], chat: () => "KHONG_DU_THONG_TIN" };
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = req.url ?? "";
    fake.requests.push({ path, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
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
