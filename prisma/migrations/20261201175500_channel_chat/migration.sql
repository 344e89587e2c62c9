-- CreateTable
CREATE TABLE "channel_chat" (
    "channel" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_chat_pkey" PRIMARY KEY ("channel","external_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "channel_chat_channel_chat_id_key" ON "channel_chat"("channel", "chat_id");
