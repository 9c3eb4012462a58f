import { getImageProps } from "next/image";
import { preload } from "react-dom";

/**
 * A product image filling its (positioned) box: a plain `<img>` with the optimizer's srcset, not Next's
 * `<Image>`, which is a client component each copy of which the browser hydrates. A listing shows 16 to 24
 * of them; as plain elements they cost no script. `priority` (the first images on screen) loads eagerly, at
 * high priority, and is preloaded from the document's head, as `<Image priority>` does.
 *
 * Every byte of a listing's markup is sent twice (the HTML and the payload React hydrates from), and the
 * image addresses were a quarter of it: the srcset stops at `maxWidth` (a card is never wider than 400 CSS
 * pixels, so 828 serves a screen of twice that density), and the box is filled by classes, not a style.
 */
export function ProductImage({
  src,
  alt,
  sizes,
  maxWidth = 828,
  priority = false,
  className = "",
}: {
  src: string;
  alt: string;
  sizes: string;
  /** The widest file the srcset offers (one of next.config.ts' image sizes). */
  maxWidth?: number;
  priority?: boolean;
  className?: string;
}) {
  const { props } = getImageProps({ src, alt, fill: true, sizes });
  const candidates = (props.srcSet ?? "")
    .split(", ")
    .filter((entry) => Number(/ (\d+)w$/.exec(entry)?.[1]) <= maxWidth);
  // None narrow enough (a maxWidth below the smallest size): the smallest file there is.
  if (candidates.length === 0) candidates.push((props.srcSet ?? "").split(", ")[0]);
  const srcSet = candidates.join(", ");
  const widest = candidates.at(-1)!.split(" ")[0];
  if (priority) preload(widest, { as: "image", imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: "high" });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the optimizer's files, without the client component
    <img
      src={widest}
      srcSet={srcSet}
      sizes={sizes}
      alt={alt}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={`absolute inset-0 h-full w-full ${className}`}
    />
  );
}
