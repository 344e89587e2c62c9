-- CreateEnum
CREATE TYPE "outbound_job_status" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "chat_session" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_session_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "processed_update" (
    "channel" TEXT NOT NULL,
    "update_id" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_update_pkey" PRIMARY KEY ("channel","update_id")
);

-- CreateTable
CREATE TABLE "web_chat_message" (
    "id" SERIAL NOT NULL,
    "session" TEXT NOT NULL,
    "message_id" INTEGER NOT NULL,
    "from_bot" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,
    "buttons" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),

    CONSTRAINT "web_chat_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_job" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "outbound_job_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbound_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processed_update_processed_at_idx" ON "processed_update"("processed_at");

-- CreateIndex
CREATE INDEX "web_chat_message_session_id_idx" ON "web_chat_message"("session", "id");

-- CreateIndex
CREATE UNIQUE INDEX "web_chat_message_session_message_id_key" ON "web_chat_message"("session", "message_id");

-- CreateIndex
CREATE INDEX "outbound_job_status_not_before_idx" ON "outbound_job"("status", "not_before");
