/**
 * The blinded-event notice on the canvas itself (issue 17): when the engine refuses the current
 * event because an analysis of the dataset is blind, every view says so over its picture instead
 * of showing the detector as if the event were empty.
 */
import { useData } from '../state/AppProvider';
import { isBlindedEventError } from '../state/data-store';

export function BlindNotice() {
  const error = useData((s) => s.error);
  const event = useData((s) => s.event);
  if (event || !isBlindedEventError(error)) return null;
  return (
    <div className="blind-notice" role="status" data-testid="blind-notice">
      <b>Event blinded</b>
      <span>It lies in a region masked while an analysis of this dataset is blind; nothing of it is drawn. Unblind in the Selection panel, or step on.</span>
    </div>
  );
}
