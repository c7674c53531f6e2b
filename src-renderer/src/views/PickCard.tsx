/**
 * The picked object's card floating in the view next to where it was picked (issue 17): only in the
 * view the user clicked, kept inside the view's box, closed by its ✕ (which drops the pick).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useStores, useViewport } from '../state/AppProvider';
import { PickedRows, usePickedCard } from '../panels/PickedObject';

const GAP = 14;

export function PickCard() {
  const stores = useStores();
  const at = useViewport((s) => s.pickPoint);
  const card = usePickedCard();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number }>();
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (!el || !box || !at) return;
    // right of and below the pick point; flipped to the other side where the view ends
    const w = el.offsetWidth, h = el.offsetHeight, W = box.clientWidth, H = box.clientHeight;
    let left = at.x + GAP, top = at.y + GAP;
    if (left + w > W - 4) left = at.x - GAP - w;
    if (top + h > H - 4) top = at.y - GAP - h;
    const next = { left: Math.max(4, Math.min(left, W - w - 4)), top: Math.max(4, Math.min(top, H - h - 4)) };
    setPos((p) => (p && p.left === next.left && p.top === next.top ? p : next));
  }, [at, card]);
  if (!card || !at) return null;
  return (
    <div ref={ref} className="pick-card" data-testid="pick-card" data-kind={card.kind} style={pos ? { left: pos.left, top: pos.top } : { left: at.x + GAP, top: at.y + GAP, visibility: 'hidden' }}>
      <div className="pick-card-head">
        <b>{card.title}</b>
        <button type="button" className="link" aria-label="close the card" title="Close (drops the pick)" onClick={() => stores.eventDisplay.getState().pick(undefined)}>✕</button>
      </div>
      <PickedRows card={card} />
    </div>
  );
}
