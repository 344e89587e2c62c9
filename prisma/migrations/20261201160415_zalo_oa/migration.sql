-- AlterEnum
ALTER TYPE "outbound_job_status" ADD VALUE 'undeliverable';

-- AlterTable
ALTER TABLE "outbound_job" ADD COLUMN     "question_id" INTEGER,
ADD COLUMN     "sender_id" INTEGER;

-- CreateTable
CREATE TABLE "zalo_oa_token" (
    "app_id" TEXT NOT NULL,
    "access_token" TEXT NOT NULL,
    "refresh_token" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "configured" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "zalo_oa_token_pkey" PRIMARY KEY ("app_id")
);

-- CreateTable
CREATE TABLE "zalo_oa_contact" (
    "user_id" TEXT NOT NULL,
    "last_inbound_at" TIMESTAMP(3),
    "last_inbound_msg_id" TEXT,
    "sent_since_inbound" INTEGER NOT NULL DEFAULT 0,
    "following" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "zalo_oa_contact_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "zalo_oa_proactive_quota" (
    "month" TEXT NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "zalo_oa_proactive_quota_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE INDEX "outbound_job_question_id_idx" ON "outbound_job"("question_id");

-- AddForeignKey
ALTER TABLE "outbound_job" ADD CONSTRAINT "outbound_job_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "officer_question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_job" ADD CONSTRAINT "outbound_job_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
