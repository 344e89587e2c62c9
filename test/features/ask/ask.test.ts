import { describe, expect, it } from "vitest";
import { buttonUpdate, textUpdate } from "../../support/recording-fetch.js";
import { buttonData, MAIN_MENU, sentTexts, testBot } from "../../support/test-bot.js";
import type { Services } from "../../../src/bot/services.js";

const CHAT = 77;

describe("ask feature", () => {
  it("answers free text with the source and buttons to read more, ask an officer, or follow up", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "htx can may nguoi"));
    const calls = api.take();
    expect(knowledge.asked).toEqual(["htx can may nguoi"]);
    expect(calls.map((c) => c.method)).toEqual(["sendChatAction", "sendMessage", "sendMessage"]);
    expect(sentTexts(calls)[0]).toContain("Nguồn: Điều 4");
    expect(buttonData(calls[1])).toEqual(["law:s:luat-htx-khai-niem-a1", "qa:officer", "qa:more:0"]);
  });

  it("answers small talk briefly with the main menu", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "cam on nha"));
    const calls = api.take();
    expect(sentTexts(calls)[0]).toBe("Dạ không có chi!");
    expect(buttonData(calls[1])).toEqual(MAIN_MENU);
  });

  it("names today's commune when the question names a former one", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "HTX ở xã Vĩnh Thành, Thạnh Trị cần mấy người?"));
    const [text] = sentTexts(api.take());
    expect(text).toContain("Nguồn: Điều 4");
    expect(text).toContain("Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng) nay là Xã Vĩnh Lợi, Thành phố Cần Thơ");
  });

  it("answers 'xã X giờ thuộc xã nào' with today's commune from the place list, not from the law", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "xa Vinh Thanh, Thanh Tri gio thuoc xa nao vay"));
    expect(sentTexts(api.take())[0]).toContain("nay là Xã Vĩnh Lợi, Thành phố Cần Thơ");
    await bot.handleUpdate(textUpdate(2, CHAT, "Phường 5 Sóc Trăng giờ là phường nào?"));
    expect(sentTexts(api.take())[0]).toContain("nay là Phường Sóc Trăng");
    await bot.handleUpdate(textUpdate(3, CHAT, "xa Vinh Thanh gio thuoc xa nao"));
    const several = sentTexts(api.take())[0]!;
    expect(several).toContain("Xã Vĩnh Lợi");
    expect(several).toContain("Xã Vĩnh Thạnh là tên xã, phường hiện nay");
    expect(several).toContain("ghi thêm tên huyện cũ");
    await bot.handleUpdate(textUpdate(4, CHAT, "xa Abc Xyz gio thuoc xa nao"));
    const unknown = api.take();
    expect(sentTexts(unknown)[0]).toContain("chưa tìm thấy «xa Abc Xyz»");
    expect(buttonData(unknown.find((c) => c.method === "sendMessage"))).toEqual(["qa:officer"]);
    expect(knowledge.asked).toEqual([]);
  });

  it("keeps a law question that names a place a law question", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "Tên xã của HTX tui bị đổi, có phải đăng ký thay đổi địa chỉ không?"));
    api.take();
    expect(knowledge.asked).toHaveLength(1);
  });

  it("offers announcements once, separately, after the first useful answer", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "htx can may nguoi"));
    const first = api.take().filter((c) => c.method === "sendMessage");
    expect(sentTexts(first)[1]).toContain("nhận thông báo");
    expect(buttonData(first[1])).toEqual(["sub:offer:yes", "sub:offer:no"]);
    await bot.handleUpdate(textUpdate(2, CHAT, "htx can may nguoi"));
    expect(api.take().filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("does not offer announcements to a farmer already subscribed", async () => {
    const { bot, api } = testBot(undefined, {
      subscriptions: {
        get: async () => ({ topics: ["credit"], communeCode: null, communeName: null }),
      } as unknown as Services["subscriptions"],
    });
    await bot.handleUpdate(textUpdate(1, CHAT, "htx can may nguoi"));
    const sent = sentTexts(api.take().filter((c) => c.method === "sendMessage"));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain("nhận thông báo");
  });

  it("does not offer announcements again to a farmer who stopped them", async () => {
    const { bot, api } = testBot(undefined, {
      subscriptions: {
        get: async () => undefined,
        stop: async () => true,
      } as unknown as Services["subscriptions"],
    });
    await bot.handleUpdate(textUpdate(1, CHAT, "/dunggui"));
    api.take();
    await bot.handleUpdate(textUpdate(2, CHAT, "htx can may nguoi"));
    const sent = sentTexts(api.take().filter((c) => c.method === "sendMessage"));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain("nhận thông báo");
  });

  it("asks a follow-up question by its button", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "htx can may nguoi"));
    await bot.handleUpdate(buttonUpdate(2, CHAT, "qa:more:0"));
    expect(knowledge.asked).toEqual(["htx can may nguoi", "Tổ hợp tác là gì?"]);
    api.take();
  });

  it("hands the question to an officer without retyping", async () => {
    const { bot, api, questions } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "htx tui soan quy che noi bo sao"));
    const declined = api.take();
    expect(buttonData(declined.find((c) => c.method === "sendMessage"))).toEqual(["qa:officer"]);
    await bot.handleUpdate(buttonUpdate(2, CHAT, "qa:officer"));
    expect(sentTexts(api.take())[0]).toContain("«htx tui soan quy che noi bo sao»");
    await bot.handleUpdate(buttonUpdate(3, CHAT, "officer:send"));
    expect(questions.all()).toMatchObject([{ text: "htx tui soan quy che noi bo sao", origin: "unanswered" }]);
  });

  it("opens Gặp cán bộ when the farmer types it, in any spelling, like the button", async () => {
    for (const typed of [
      "gap can bo",
      "Gặp cán bộ",
      "GAP CAN BO!",
      "cho tui gap can bo nha",
      "muon noi chuyen voi nguoi that",
      "👤 Gặp cán bộ",
    ]) {
      const { bot, api, knowledge } = testBot();
      await bot.handleUpdate(textUpdate(1, CHAT, typed));
      expect(sentTexts(api.take())[0], typed).toContain("Bà con muốn hỏi cán bộ điều gì?");
      expect(knowledge.asked, typed).toEqual([]);
    }
    const { bot, api, questions } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "gap can bo"));
    await bot.handleUpdate(textUpdate(2, CHAT, "HTX tui muon vay 1 ty thi can gi?"));
    await bot.handleUpdate(buttonUpdate(3, CHAT, "officer:send"));
    api.take();
    expect(questions.all()).toMatchObject([{ text: "HTX tui muon vay 1 ty thi can gi?", origin: "contact" }]);
  });

  it("opens what a short message asks to do, like its button: register, the eligibility check, announcements", async () => {
    for (const [typed, opened] of [
      ["dang ky", "menu:register"],
      ["tui muon vay von nha", "menu:check"],
      ["cho tui nhan thong bao", "menu:subscribe"],
    ] as const) {
      const byText = testBot();
      await byText.bot.handleUpdate(textUpdate(1, CHAT, typed));
      const byButton = testBot();
      await byButton.bot.handleUpdate(buttonUpdate(1, CHAT, opened));
      expect(sentTexts(byText.api.take()), typed).toEqual(sentTexts(byButton.api.take()));
      expect(byText.knowledge.asked, typed).toEqual([]);
    }
  });

  it("takes the purpose a typed request names as the registration's first answer, which Quay lại changes", async () => {
    for (const [typed, purpose] of [
      ["em muon dang ky vo htx", "Tham gia hợp tác xã đang có"],
      ["toi muon dang ky tham gia hop tac xa", "Tham gia hợp tác xã đang có"],
      ["tui muon lap htx", "Thành lập hợp tác xã mới"],
    ] as const) {
      const { bot, api, knowledge } = testBot();
      await bot.handleUpdate(textUpdate(1, CHAT, typed));
      const step = sentTexts(api.take()).join("\n");
      expect(step, typed).toContain(`✅ Nhu cầu: ${purpose}\nBước 2/9`);
      expect(knowledge.asked, typed).toEqual([]);
      await bot.handleUpdate(buttonUpdate(2, CHAT, "reg:fullName:back"));
      expect(sentTexts(api.take()).join("\n"), typed).toContain("Bước 1/9");
    }
  });

  it("answers a question that states a wish, with the button for that wish first", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "bay gio dang ky vo htx o dau, em muon dang ky"));
    expect(knowledge.asked).toEqual(["bay gio dang ky vo htx o dau, em muon dang ky"]);
    expect(buttonData(api.take().find((c) => c.method === "sendMessage"))[0]).toBe("menu:register");
    await bot.handleUpdate(textUpdate(2, CHAT, "htx co can dang ky kinh doanh khong"));
    expect(buttonData(api.take().find((c) => c.method === "sendMessage"))).not.toContain("menu:register");
  });

  it("keeps a question that mentions an officer a question", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "hoi can bo ve vay von duoc khong"));
    api.take();
    expect(knowledge.asked).toEqual(["hoi can bo ve vay von duoc khong"]);
  });

  it("offers example questions from the Hỏi đáp menu and answers them", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(buttonUpdate(1, CHAT, "menu:ask"));
    const prompt = api.take();
    expect(buttonData(prompt.find((c) => c.method === "sendMessage"))).toEqual(["qa:ex:1", "qa:ex:2", "qa:ex:3"]);
    await bot.handleUpdate(buttonUpdate(2, CHAT, "qa:ex:2"));
    expect(knowledge.asked).toEqual(["Vay không thế chấp được bao nhiêu?"]);
  });

  it("does not treat an unknown command as a question", async () => {
    const { bot, api, knowledge } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "/xyz"));
    expect(sentTexts(api.take())[0]).toContain("không biết lệnh");
    expect(knowledge.asked).toEqual([]);
  });
});
