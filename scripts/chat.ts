/**
 * `npm run chat`: talk to the bot in a terminal, for servers without a browser. It uses the web chat
 * JSON API of a running instance (CHAT_URL, default http://localhost:$PORT); when none answers it starts
 * the app in this process. Buttons are shown numbered: type the number to press one.
 */
import { createInterface } from "node:readline/promises";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfigOrExit } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { startApp, type RunningApp } from "../src/app.js";

interface Message {
  messageId: number;
  edited: boolean;
  text: string;
  buttons: { text: string; data: string }[][];
}

const config = await loadConfigOrExit();

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

let base = process.env.CHAT_URL || `http://localhost:${config.http.port}`;
let local: RunningApp | undefined;
if (!(await reachable(base))) {
  local = await startApp(
    { ...config, http: { ...config.http, port: 0 }, telegram: undefined, webchat: { enabled: true } },
    createLogger("warn"),
  );
  base = local.url;
}

// One terminal session per data directory, so the conversation continues next time.
mkdirSync(config.dataDir, { recursive: true });
const sessionFile = join(config.dataDir, "terminal-chat-session");
const session = existsSync(sessionFile) ? readFileSync(sessionFile, "utf8").trim() : randomBytes(12).toString("hex");
writeFileSync(sessionFile, session);

let buttons: Array<{ data: string; messageId: number }> = [];

function show(messages: Message[]): void {
  // An edit only removes the buttons of a message already shown; a reply without buttons (a
  // reminder) keeps the numbers of the buttons still on screen.
  const shown = messages.filter((m) => !m.edited);
  if (shown.some((m) => m.buttons.length > 0)) buttons = [];
  for (const message of shown) {
    console.log(`\n🤖 ${message.text}`);
    for (const button of message.buttons.flat()) {
      buttons.push({ data: button.data, messageId: message.messageId });
      console.log(`   [${buttons.length}] ${button.text}`);
    }
  }
}

async function send(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ session, ...body }),
  });
  const data = (await response.json()) as { messages?: Message[]; error?: string };
  if (data.error) console.log(`\n⚠️  ${data.error}`);
  show(data.messages ?? []);
}

console.log(`Trợ lý HTX — ${base} (gõ số để bấm nút, /thoat để thoát)`);
await send({ text: "/start" });
// Iterating the lines (rather than rl.question) also works when input is piped in.
const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "\n> " });
rl.prompt();
for await (const raw of rl) {
  const line = raw.trim();
  if (line === "/thoat" || line === "/exit") break;
  if (line) {
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    await send(pressed ? { button: pressed.data, messageId: pressed.messageId } : { text: line });
  }
  rl.prompt();
}
rl.close();
await local?.stop();
