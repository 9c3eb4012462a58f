import { getImageProps } from "next/image";
import { preload } from "react-dom";

/**
 * A product image filling its (positioned) box: a plain `<img>` with the optimizer's srcset, not Next's
 * `<Image>`, which is a client component each copy of which the browser hydrates. A listing shows 16 to 24
 * of them; as plain elements they cost no script. `priority` (the first image on screen) loads eagerly, at
 * high priority, and is preloaded from the document's head, as `<Image priority>` does.
 */
export function ProductImage({
  src,
  alt,
  sizes,
  priority = false,
  className,
}: {
  src: string;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  const { props } = getImageProps({
    src,
    alt,
    fill: true,
    sizes,
    className,
    loading: priority ? "eager" : "lazy",
    fetchPriority: priority ? "high" : undefined,
  });
  if (priority) {
    preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  }
  // eslint-disable-next-line @next/next/no-img-element -- the optimizer's props, without the client component
  return <img {...props} alt={alt} />;
}
