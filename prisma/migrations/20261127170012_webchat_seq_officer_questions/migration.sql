-- CreateEnum
CREATE TYPE "question_origin" AS ENUM ('contact', 'unanswered');

-- CreateEnum
CREATE TYPE "question_status" AS ENUM ('open', 'answered', 'closed');

-- AlterTable
ALTER TABLE "web_chat_message" ADD COLUMN     "client_id" TEXT,
ADD COLUMN     "seq" SERIAL NOT NULL;

-- CreateTable
CREATE TABLE "officer_question" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "origin" "question_origin" NOT NULL,
    "status" "question_status" NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "officer_question_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "officer_question_status_created_at_idx" ON "officer_question"("status", "created_at");

-- CreateIndex
CREATE INDEX "officer_question_channel_chat_id_idx" ON "officer_question"("channel", "chat_id");

-- CreateIndex
CREATE INDEX "web_chat_message_session_seq_idx" ON "web_chat_message"("session", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "web_chat_message_session_client_id_key" ON "web_chat_message"("session", "client_id");
