import { GridSkeleton } from "../../_components/skeletons";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading">
      <GridSkeleton />
    </div>
  );
}
