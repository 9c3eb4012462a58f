-- AlterEnum: a product being prepared in the back office, never shown in the store.
ALTER TYPE "product_status" ADD VALUE 'draft' BEFORE 'active';
