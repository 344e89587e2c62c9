-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('officer', 'staff', 'admin');

-- CreateEnum
CREATE TYPE "staff_token_kind" AS ENUM ('setup', 'chat_link');

-- CreateEnum
CREATE TYPE "lead_purpose" AS ENUM ('found_htx', 'join_htx', 'found_tht', 'found_union');

-- CreateEnum
CREATE TYPE "lead_status" AS ENUM ('new', 'contacted', 'supporting', 'founded', 'closed');

-- AlterTable
ALTER TABLE "officer_question" ADD COLUMN     "answered_by_id" INTEGER;

-- CreateTable
CREATE TABLE "staff_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "staff_role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "chat_channel" TEXT,
    "chat_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_session" (
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "staff_token" (
    "token_hash" TEXT NOT NULL,
    "kind" "staff_token_kind" NOT NULL,
    "user_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_token_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "lead" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT,
    "status" "lead_status" NOT NULL DEFAULT 'new',
    "purpose" "lead_purpose" NOT NULL,
    "full_name" TEXT,
    "phone" TEXT,
    "commune_code" TEXT NOT NULL,
    "commune_name" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "province_name" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "sector_label" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "land_area_ha" DOUBLE PRECISION,
    "call_time" TEXT NOT NULL,
    "note" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "consent_version" TEXT NOT NULL,
    "consent_hash" TEXT NOT NULL,
    "consent_at" TIMESTAMP(3) NOT NULL,
    "assigned_to_id" INTEGER,
    "erased_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_event" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "kind" TEXT NOT NULL,
    "from_status" "lead_status",
    "to_status" "lead_status",
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pool_alert" (
    "key" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "notified_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pool_alert_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "channel" TEXT,
    "chat_id" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_username_key" ON "staff_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_chat_channel_chat_id_key" ON "staff_user"("chat_channel", "chat_id");

-- CreateIndex
CREATE INDEX "staff_session_user_id_idx" ON "staff_session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_reference_key" ON "lead"("reference");

-- CreateIndex
CREATE INDEX "lead_status_created_at_idx" ON "lead"("status", "created_at");

-- CreateIndex
CREATE INDEX "lead_commune_code_sector_idx" ON "lead"("commune_code", "sector");

-- CreateIndex
CREATE INDEX "lead_channel_chat_id_idx" ON "lead"("channel", "chat_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_phone_purpose_key" ON "lead"("phone", "purpose");

-- CreateIndex
CREATE INDEX "lead_event_lead_id_at_idx" ON "lead_event"("lead_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE INDEX "audit_entry_action_at_idx" ON "audit_entry"("action", "at");

-- AddForeignKey
ALTER TABLE "officer_question" ADD CONSTRAINT "officer_question_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_token" ADD CONSTRAINT "staff_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead" ADD CONSTRAINT "lead_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
