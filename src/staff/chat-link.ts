import type { PrismaClient } from "../db/index.js";
import { consumeOneTimeToken, issueOneTimeToken } from "./one-time-token.js";
import type { StaffRole } from "./roles.js";
import { newShortCode, normalizeShortCode } from "./secret-token.js";

/**
 * An officer links the chat where they want notifications: the dashboard shows a one-time code, the
 * officer sends `/canbo <code>` in that chat, and the chat side calls `redeemChatLinkCode`.
 * 8 characters of a 31-letter alphabet (about 10^12 codes) valid 15 minutes; the chat side should still
 * slow down repeated wrong codes from one chat.
 */
export const CHAT_LINK_TTL_MS = 15 * 60 * 1000;
const CODE_LENGTH = 8;

export async function createChatLinkCode(
  prisma: PrismaClient,
  userId: number,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newShortCode(CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + CHAT_LINK_TTL_MS);
  // Only the newest code counts: an older one shown on a forgotten screen stops working.
  await prisma.staffToken.deleteMany({ where: { userId, kind: "chat_link", usedAt: null } });
  await issueOneTimeToken(prisma, { kind: "chat_link", secret: code, userId, expiresAt, now });
  return { code, expiresAt };
}

export type ChatLinkResult = { ok: true; user: { id: number; displayName: string; role: StaffRole } } | { ok: false };

/**
 * Links `channel`/`chatId` to the officer who created `code`. A chat belongs to one officer at a time,
 * so linking moves it away from anyone who had it. Unknown, expired and used codes all fail alike.
 */
export async function redeemChatLinkCode(
  prisma: PrismaClient,
  code: string,
  channel: string,
  chatId: string,
  now: Date,
): Promise<ChatLinkResult> {
  const normalized = normalizeShortCode(code);
  if (normalized.length !== CODE_LENGTH) return { ok: false };
  return prisma.$transaction(async (tx) => {
    const token = await consumeOneTimeToken(tx, "chat_link", normalized, now);
    const user = token?.userId ? await tx.staffUser.findUnique({ where: { id: token.userId } }) : null;
    if (!user?.active) return { ok: false };
    await tx.staffUser.updateMany({
      where: { chatChannel: channel, chatId, id: { not: user.id } },
      data: { chatChannel: null, chatId: null },
    });
    await tx.staffUser.update({ where: { id: user.id }, data: { chatChannel: channel, chatId } });
    return { ok: true, user: { id: user.id, displayName: user.displayName, role: user.role } };
  });
}
