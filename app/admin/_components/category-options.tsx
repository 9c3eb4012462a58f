/** A category's choice in a form or filter (lib/backoffice/categories.ts' categoryChoices). */
export interface CategoryChoice {
  id: number;
  name: string;
}

/** The `<option>`s of a category `<select>`, in the order given (the product forms, the list's filter). */
export function CategoryOptions({ categories }: { categories: CategoryChoice[] }) {
  return categories.map((category) => (
    <option key={category.id} value={category.id}>
      {category.name}
    </option>
  ));
}
