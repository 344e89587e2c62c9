import type { PrismaClient } from "../../src/db/index.js";
import { createStaffUser, type NewStaffUser, type StaffUserSummary } from "../../src/staff/users.js";

/**
 * A staff account a test starts from: an officer named after its username unless told otherwise,
 * with its chat linked when given. A refused account is a broken test setup, so it throws.
 */
export async function staffAccount(
  prisma: PrismaClient,
  account: Partial<NewStaffUser> & { username: string; chat?: { channel: string; chatId: string } },
): Promise<StaffUserSummary> {
  const { chat, ...fields } = account;
  const created = await createStaffUser(prisma, {
    displayName: `Cán bộ ${account.username}`,
    password: "mat khau du dai",
    role: "officer",
    ...fields,
  });
  if (!created.ok) throw new Error(created.problem);
  if (chat) {
    await prisma.staffUser.update({
      where: { id: created.value.id },
      data: { chatChannel: chat.channel, chatId: chat.chatId },
    });
  }
  return created.value;
}
