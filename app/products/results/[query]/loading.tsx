import { ListingSkeleton } from "../../../_components/skeletons";

export default function Loading() {
  return <ListingSkeleton />;
}
