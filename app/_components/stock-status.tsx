/** In stock, a few left, or out of stock: said in words, not colour alone. */
export function StockStatus({ stock, className = "" }: { stock: number; className?: string }) {
  const [text, tone] =
    stock <= 0
      ? ["Out of stock", "bg-stone-200 text-stone-700"]
      : stock <= 5
        ? [`Only ${stock} left`, "bg-amber-100 text-amber-900"]
        : ["In stock", "bg-brand-100 text-brand-900"];
  return (
    <span
      data-testid="stock-status"
      className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${tone} ${className}`}
    >
      {text}
    </span>
  );
}
