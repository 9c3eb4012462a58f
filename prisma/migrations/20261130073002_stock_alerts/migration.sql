-- CreateTable
CREATE TABLE "stock_alerts" (
    "id" UUID NOT NULL,
    "variant_id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMP(3),
    "notified_at" TIMESTAMP(3),

    CONSTRAINT "stock_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stock_alerts_notified_at_variant_id_idx" ON "stock_alerts"("notified_at", "variant_id");

-- CreateIndex
CREATE UNIQUE INDEX "stock_alerts_variant_id_email_key" ON "stock_alerts"("variant_id", "email");

-- AddForeignKey
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
