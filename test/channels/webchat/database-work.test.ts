import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../../support/in-process-app.js";
import { metrics } from "../../../src/metrics.js";
import type { WebChatInput } from "../../../src/channels/webchat/webchat.js";

/**
 * The database work of one web chat input: every statement it sends (the workers' polling runs in
 * contexts of its own and is not counted). bench:load measures the same per message under load.
 */
describe("database work of a web chat input", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const input = new AsyncLocalStorage<string[]>();
  const counted = { ...metrics.database };
  beforeAll(async () => {
    app = await startTestApp();
    metrics.database.statement = (sql) => {
      input.getStore()?.push(sql);
      counted.statement(sql);
    };
    metrics.database.transaction = () => {
      input.getStore()?.push("TRANSACTION");
      counted.transaction();
    };
  });
  afterAll(async () => {
    Object.assign(metrics.database, counted);
    await app?.stop();
  });

  async function handled(sent: WebChatInput) {
    const statements: string[] = [];
    const result = await input.run(statements, () => app.webchat!.handle(sent));
    return { messages: result!.messages, statements };
  }

  it("stores a typed message with its claim, and its replies with its done mark: two statements", async () => {
    const session = "session-work-01";
    const start = await handled({ session, text: "/start", clientId: "w-1" });
    expect(start.statements).toHaveLength(2);
    const question = await handled({ session, text: "htx can toi thieu bao nhieu thanh vien", clientId: "w-2" });
    const again = await handled({ session, text: "von gop toi da cua mot thanh vien", clientId: "w-3" });
    // The first answer of a chat also offers announcements (is the chat subscribed?).
    expect(question.statements.length).toBeLessThanOrEqual(4);
    expect(again.statements).toHaveLength(2);
    expect(again.statements).not.toContain("TRANSACTION");
    // What was answered is what is stored, in order.
    const history = await app.webchat!.history(session);
    expect(history.map((m) => m.text)).toEqual(
      [start, question, again].flatMap((turn, i) => [
        ["/start", "htx can toi thieu bao nhieu thanh vien", "von gop toi da cua mot thanh vien"][i],
        ...turn.messages.map((m) => m.text),
      ]),
    );
    expect(history.map((m) => m.seq)).toEqual([...history.map((m) => m.seq)].sort((a, b) => a - b));
  });

  it("presses a button in three statements, its keyboard removal stored with its replies", async () => {
    const session = "session-work-02";
    const menu = (await handled({ session, text: "/start", clientId: "w-1" })).messages[0]!;
    const press = await handled({ session, button: "menu:register", messageId: menu.messageId, clientId: "w-2" });
    expect(press.statements).toHaveLength(3);
    const purpose = press.messages.find((m) => m.buttons.flat().some((b) => b.data.startsWith("reg:purpose:")))!;
    const next = await handled({
      session,
      button: purpose.buttons[0]![0]!.data,
      messageId: purpose.messageId,
      clientId: "w-3",
    });
    expect(next.statements).toHaveLength(3);
    const edit = next.messages.find((m) => m.edited)!;
    expect(edit).toMatchObject({ messageId: purpose.messageId, buttons: [] });
    const stored = (await app.webchat!.history(session)).find((m) => m.messageId === purpose.messageId)!;
    expect(stored).toEqual(edit);
  });

  it("answers a resend of a finished input from what was stored, storing nothing again", async () => {
    const session = "session-work-03";
    const first = await handled({ session, text: "/start", clientId: "w-1" });
    const resend = await handled({ session, text: "/start", clientId: "w-1" });
    expect(resend.messages).toEqual(first.messages);
    expect(await app.webchat!.history(session)).toHaveLength(1 + first.messages.length);
  });
});
