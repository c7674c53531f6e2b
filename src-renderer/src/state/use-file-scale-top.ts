/** The fixed (file-wide) top of the momentum colour scale when the user chose it, for components. */
import { useData, useEventDisplay } from './AppProvider';
import { fileScaleTop } from './display-snapshot';

export function useFileScaleTop(): number | undefined {
  const momentumRange = useEventDisplay((s) => s.momentumRange);
  const trackSummary = useData((s) => s.trackSummary);
  const current = useData((s) => s.current);
  return fileScaleTop({ momentumRange }, { trackSummary, current });
}
