import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { buttonsOf, chattingBot, textOf } from "../lead-services.js";

const CHAT = 42;
const db = useMigratedDatabase();

type Chat = ReturnType<typeof chattingBot>;

/** Up to the member count (step 6), for this purpose. */
async function toMembers(chat: Chat, purpose: string) {
  await chat.press(CHAT, "menu:register");
  await chat.press(CHAT, `reg:purpose:${purpose}`);
  await chat.say(CHAT, "Trần Văn Bảy");
  await chat.say(CHAT, "0912 345 678");
  await chat.say(CHAT, "Vĩnh Lợi");
  await chat.press(CHAT, "reg:place:31777");
  await chat.press(CHAT, "reg:sector:lua");
}

const NOTE = "Lưu ý: lập hợp tác xã cần ít nhất 5 thành viên chính thức (Luật HTX 2023, Điều 4 khoản 7)";

describe("founding an HTX with fewer than 5 members", () => {
  it("notes the legal minimum once and offers a tổ hợp tác, which the farmer may choose", async () => {
    const chat = chattingBot(db.prisma);
    await toMembers(chat, "found_htx");
    const note = await chat.say(CHAT, "3 nguoi");
    expect(textOf(note)).toContain(`✅ Số người: 3\n${NOTE}; tổ hợp tác thì từ 2 người là lập được (khoản 21).`);
    expect(buttonsOf(note)).toEqual(["reg:size:found_htx", "reg:size:found_tht"]);
    expect(textOf(await chat.press(CHAT, "reg:size:found_tht"))).toContain(
      "✅ Nhu cầu: Thành lập tổ hợp tác\nBước 7/9",
    );
    await chat.say(CHAT, "2 công");
    await chat.press(CHAT, "reg:callTime:any");
    expect(textOf(await chat.press(CHAT, "reg:note:skip"))).toContain("Nhu cầu: Thành lập tổ hợp tác");
    await chat.press(CHAT, "reg:summary:submit");
    await chat.press(CHAT, "reg:consent:agree");
    expect(await db.prisma.lead.findFirstOrThrow()).toMatchObject({ purpose: "found_tht", members: 3 });
  });

  it("never blocks: the HTX may be kept, and a member count changed in the summary is checked again", async () => {
    const chat = chattingBot(db.prisma);
    await toMembers(chat, "found_htx");
    await chat.say(CHAT, "4");
    expect(textOf(await chat.press(CHAT, "reg:size:found_htx"))).toContain(
      "✅ Nhu cầu: Thành lập hợp tác xã mới\nBước 7/9",
    );
    await chat.say(CHAT, "2 công");
    await chat.press(CHAT, "reg:callTime:any");
    const summary = await chat.press(CHAT, "reg:note:skip");
    expect(textOf(summary)).not.toContain("Lưu ý");
    await chat.press(CHAT, "reg:summary:members");
    expect(textOf(await chat.say(CHAT, "2"))).toContain(NOTE);
    // The choice named in words, as on a channel without buttons: its label, or the end of it.
    expect(textOf(await chat.say(CHAT, "to hop tac"))).toContain("Nhu cầu: Thành lập tổ hợp tác");
    await chat.press(CHAT, "reg:summary:purpose");
    await chat.press(CHAT, "reg:purpose:found_htx");
    expect(textOf(await chat.say(CHAT, "htx"))).toContain("Nhu cầu: Thành lập hợp tác xã mới");
  });

  it("says nothing for 5 members or more, an unknown count, or joining an existing HTX", async () => {
    for (const [purpose, members] of [
      ["found_htx", "5"],
      ["found_htx", "chua biet"],
      ["join_htx", "2"],
    ]) {
      const chat = chattingBot(db.prisma);
      await toMembers(chat, purpose!);
      const next = await chat.say(CHAT, members!);
      expect(textOf(next), `${purpose} ${members}`).not.toContain("Lưu ý");
      expect(textOf(next), `${purpose} ${members}`).toContain("Bước 7/9");
      await db.clear();
    }
  });
});
