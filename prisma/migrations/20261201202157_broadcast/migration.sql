-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('draft', 'scheduled', 'sending', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('pending', 'sending', 'sent', 'skipped', 'failed');

-- CreateTable
CREATE TABLE "subscription" (
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "topics" TEXT[],
    "commune_code" TEXT,
    "commune_name" TEXT,
    "consent_version" TEXT NOT NULL,
    "consent_hash" TEXT NOT NULL,
    "consent_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("channel","chat_id")
);

-- CreateTable
CREATE TABLE "unreachable_chat" (
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "unreachable_chat_pkey" PRIMARY KEY ("channel","chat_id")
);

-- CreateTable
CREATE TABLE "broadcast_campaign" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "signup_choice" BOOLEAN NOT NULL,
    "segment" JSONB NOT NULL,
    "status" "campaign_status" NOT NULL DEFAULT 'draft',
    "scheduled_at" TIMESTAMP(3),
    "created_by_id" INTEGER NOT NULL,
    "sent_by_id" INTEGER,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "broadcast_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcast_delivery" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "pressed_at" TIMESTAMP(3),

    CONSTRAINT "broadcast_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_pace" (
    "channel" TEXT NOT NULL,
    "next_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "channel_pace_pkey" PRIMARY KEY ("channel")
);

-- CreateIndex
CREATE INDEX "subscription_commune_code_idx" ON "subscription"("commune_code");

-- CreateIndex
CREATE INDEX "broadcast_campaign_status_scheduled_at_idx" ON "broadcast_campaign"("status", "scheduled_at");

-- CreateIndex
CREATE INDEX "broadcast_delivery_channel_status_campaign_id_id_idx" ON "broadcast_delivery"("channel", "status", "campaign_id", "id");

-- CreateIndex
CREATE INDEX "broadcast_delivery_channel_chat_id_sent_at_idx" ON "broadcast_delivery"("channel", "chat_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_delivery_campaign_id_channel_chat_id_key" ON "broadcast_delivery"("campaign_id", "channel", "chat_id");

-- AddForeignKey
ALTER TABLE "broadcast_delivery" ADD CONSTRAINT "broadcast_delivery_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "broadcast_campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
