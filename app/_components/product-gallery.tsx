import { ProductImage } from "./product-image";
import type { ImageRef } from "@/lib/catalog/types";

export function ProductGallery({ images }: { images: ImageRef[] }) {
  const [main, ...rest] = images;
  if (!main) return <div className="aspect-square rounded-lg bg-stone-100" />;
  return (
    <div className="space-y-3">
      <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
        <ProductImage
          src={main.url}
          alt={main.alt}
          priority
          maxWidth={1200}
          sizes="(min-width: 768px) 50vw, 100vw"
          className="object-cover"
        />
      </div>
      {rest.length > 0 && (
        <ul className="grid grid-cols-3 gap-3">
          {rest.map((image) => (
            <li key={image.url} className="relative aspect-square overflow-hidden rounded-md bg-stone-100">
              <ProductImage
                src={image.url}
                alt={image.alt}
                sizes="(min-width: 768px) 16vw, 33vw"
                className="object-cover"
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
