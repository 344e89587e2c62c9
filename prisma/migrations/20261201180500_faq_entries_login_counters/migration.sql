-- CreateTable
CREATE TABLE "faq_entry" (
    "id" SERIAL NOT NULL,
    "question_id" INTEGER,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "published_at" TIMESTAMP(3),
    "edited_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "faq_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_counter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "faq_entry_published_idx" ON "faq_entry"("published");

-- CreateIndex
CREATE INDEX "faq_entry_question_id_idx" ON "faq_entry"("question_id");

-- One naming scheme for audit actions ("<area>.<verb>"): rename what older versions wrote.
UPDATE "audit_entry" SET "action" = 'lead.view' WHERE "action" = 'lead_view' AND ("details" IS NULL OR "details"->>'via' IS DISTINCT FROM 'chat');
UPDATE "audit_entry" SET "action" = 'lead.claim' WHERE "action" = 'lead_view' AND "details"->>'via' = 'chat';
UPDATE "audit_entry" SET "action" = 'chat_link.redeem' WHERE "action" = 'officer_chat_linked';
UPDATE "audit_entry" SET "action" = 'chat_link.failed' WHERE "action" = 'officer_chat_link_failed';
UPDATE "audit_entry" SET "action" = 'farmer.data_view' WHERE "action" = 'farmer_data_view';
UPDATE "audit_entry" SET "action" = 'farmer.erase' WHERE "action" = 'farmer_data_erase';
UPDATE "audit_entry" SET "action" = 'retention.erase' WHERE "action" = 'retention_erase';
UPDATE "audit_entry" SET "action" = 'faq.save' WHERE "action" = 'question.faq';
