-- CreateTable
CREATE TABLE "eligibility_check" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "as_of" TIMESTAMP(3) NOT NULL,
    "answers" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "rules_version" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "eligibility_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "eligibility_check_channel_chat_id_idx" ON "eligibility_check"("channel", "chat_id");
