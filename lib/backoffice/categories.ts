import type { SignedIn } from "../auth/current-user";
import { insertCategory, updateCategory, type CategoryEdit, type NewCategory } from "../catalog/category-edit";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import { TRANSACTION_OPTIONS } from "../orders/stock";
import { appendAudit } from "./audit";

/**
 * Categories from the back office: each change with its audit entry in one transaction, then `listings`
 * invalidated on every instance (the menu, category pages and listings are all tagged with it).
 */

/** Every category's id and name, in menu order: the choices of the back office's forms and filters. */
export const categoryChoices = () =>
  db.category.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });

export async function listCategoriesForAdmin() {
  const categories = await db.category.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      position: true,
      _count: { select: { products: true } },
    },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, products: _count.products }));
}

export async function createCategory(actor: SignedIn, input: NewCategory) {
  const created = await db.$transaction(async (tx) => {
    const category = await insertCategory(tx, input);
    await appendAudit(tx, actor, {
      action: "category.create",
      objectType: "category",
      objectId: category.id,
      after: category,
    });
    return category;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts();
  return created;
}

export async function editCategory(actor: SignedIn, id: number, edit: CategoryEdit) {
  const { after } = await db.$transaction(async (tx) => {
    const change = await updateCategory(tx, id, edit);
    await appendAudit(tx, actor, { action: "category.edit", objectType: "category", objectId: id, ...change });
    return change;
  }, TRANSACTION_OPTIONS);
  await invalidateProducts();
  return after;
}
