import { Composer } from "grammy";
import { replyWithChoices } from "../../bot/choices.js";
import { chatAddress, type BotContext } from "../../bot/context.js";
import type { Officer, OfficerActionResult } from "../../leads/lead-service.js";
import { mayAct, type StaffAction } from "../../staff/roles.js";
import { statusLabelKey } from "../../leads/lead-status.js";
import {
  contactCard,
  leadButtons,
  leadCard,
  OFFICER_ACTIONS,
  OFFICER_BUTTON_PREFIX,
} from "../../leads/officer-messages.js";

const ACTION_BUTTON = new RegExp(`^${OFFICER_BUTTON_PREFIX}(${OFFICER_ACTIONS.join("|")}):(.+)$`);

/**
 * The staff user linked to this chat when their role may do `action` (the dashboard's own check), or
 * a polite refusal: farmers never reach officer commands, read-only staff never act from chat.
 */
export async function officerOrRefuse(ctx: BotContext, action: StaffAction): Promise<Officer | undefined> {
  const officer = await ctx.services.leads.officerForChat(chatAddress(ctx));
  if (!officer) await ctx.reply(ctx.t("oc-not-officer"));
  else if (!mayAct(officer.role, action)) {
    await ctx.reply(ctx.t("oc-read-only"));
    return undefined;
  }
  return officer;
}

async function replyToAction(ctx: BotContext, result: OfficerActionResult, done: string): Promise<void> {
  switch (result.kind) {
    case "done":
      await ctx.reply(`${ctx.t(done, { reference: result.lead.reference })}\n${contactCard(result.lead, ctx.t)}`);
      return;
    case "taken":
      await ctx.reply(ctx.t("oc-taken", { name: result.by }));
      return;
    case "not_found":
      await ctx.reply(ctx.t("oc-not-found"));
      return;
    case "status":
      await ctx.reply(ctx.t("oc-status-unchanged", { status: ctx.t(statusLabelKey(result.status)) }));
  }
}

/**
 * Officers in chat: `/canbo <code>` links the chat to their dashboard account, `/leads` lists open
 * leads, and the *Nhận xử lý* / *Đã liên hệ* buttons (also under notifications) act on one lead.
 */
export function officerChatFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("canbo", async (ctx) => {
    const code = ctx.match.trim();
    if (code === "") {
      await ctx.reply(ctx.t("oc-link-usage"));
      return;
    }
    const linked = await ctx.services.leads.linkOfficerChat(code, chatAddress(ctx));
    if (linked.ok) {
      const readOnly = mayAct(linked.officer.role, "lead.claim") ? "" : `\n${ctx.t("oc-link-read-only")}`;
      await ctx.reply(ctx.t("oc-link-ok", { name: linked.officer.displayName }) + readOnly);
    } else await ctx.reply(ctx.t(linked.reason === "too_many_attempts" ? "oc-link-too-many" : "oc-link-invalid"));
  });

  composer.command("leads", async (ctx) => {
    const officer = await officerOrRefuse(ctx, "read");
    if (!officer) return;
    const { leads, total } = await ctx.services.leads.openLeads(officer);
    const canAct = mayAct(officer.role, "lead.claim");
    if (total === 0) {
      await ctx.reply(ctx.t("oc-leads-none"));
      return;
    }
    await ctx.reply(ctx.t("oc-leads-header", { name: officer.displayName, total }));
    for (const lead of leads)
      await replyWithChoices(ctx, leadCard(lead, ctx.t), canAct ? [leadButtons(lead.reference, ctx.t)] : []);
    if (total > leads.length) await ctx.reply(ctx.t("oc-leads-more", { more: total - leads.length }));
  });

  composer.callbackQuery(ACTION_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [, action, reference] = ctx.match;
    const officer = await officerOrRefuse(ctx, action === "claim" ? "lead.claim" : "lead.status");
    if (!officer) return;
    if (action === "claim") await replyToAction(ctx, await ctx.services.leads.claim(reference!, officer), "oc-claimed");
    else await replyToAction(ctx, await ctx.services.leads.markContacted(reference!, officer), "oc-contacted");
  });

  return composer;
}
