import { ProductSkeleton } from "../../_components/skeletons";

export default function Loading() {
  return <ProductSkeleton />;
}
