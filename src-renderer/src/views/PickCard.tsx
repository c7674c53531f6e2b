/**
 * The picked object's card floating in the view next to where it was picked (issue 17): only in the
 * view the user clicked, kept inside the view's box, closed by its ✕ (which drops the pick).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useLiveView, useStores, useViewport } from '../state/AppProvider';
import { PickedRows, usePickedCard } from '../panels/PickedObject';
import { insetBoxes } from '../display/tax-inset';
import { CARD_GAP, placeCard } from './card-place';

/** A view smaller than this (CSS px) gets the compact card; it shows this many rows. */
const COMPACT_BELOW = { w: 720, h: 480 }, COMPACT_ROWS = 3;

export function PickCard() {
  const stores = useStores();
  const at = useViewport((s) => s.pickPoint);
  const card = usePickedCard();
  const live = useLiveView();
  const inset = useStore(live.taxInset, (s) => s.inset);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number }>();
  // in a small view (the inspect layout's) the full card covered the whole event: there it shows its
  // first rows only, the rest being in the Event & element panel
  const [compact, setCompact] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (!el || !box || !at) return;
    const small = box.clientWidth < COMPACT_BELOW.w || box.clientHeight < COMPACT_BELOW.h;
    if (small !== compact) { setCompact(small); return; } // placed once it has its size
    // beside the pick point, inside the view, off the legend and the CDA_TAX inset where it can (views/card-place.ts)
    const avoid = [...(live.legendBox ? [live.legendBox] : []), ...(inset ? insetBoxes(inset) : [])];
    const next = placeCard(at, { w: el.offsetWidth, h: el.offsetHeight }, { w: box.clientWidth, h: box.clientHeight }, avoid);
    setPos((p) => (p && p.left === next.left && p.top === next.top ? p : next));
  }, [at, card, live, inset, compact]);
  if (!card || !at) return null;
  return (
    <div ref={ref} className="pick-card" data-testid="pick-card" data-kind={card.kind} style={pos ? { left: pos.left, top: pos.top } : { left: at.x + CARD_GAP, top: at.y + CARD_GAP, visibility: 'hidden' }}>
      <div className="pick-card-head">
        <b>{card.title}</b>
        <button type="button" className="link" aria-label="close the card" title="Close (drops the pick)" onClick={() => stores.eventDisplay.getState().pick(undefined)}>✕</button>
      </div>
      <PickedRows card={compact ? { ...card, rows: card.rows.slice(0, COMPACT_ROWS) } : card} />
      {compact && card.rows.length > COMPACT_ROWS && <div className="muted small">all {card.rows.length} in Event &amp; element</div>}
    </div>
  );
}
