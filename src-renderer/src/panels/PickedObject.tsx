/** The card of the object the user picked in a view (its layer describes it): in the info panel and floating in the view. */
import { useMemo } from 'react';
import { layerById } from '../display/layers/registry';
import { useData, useEventDisplay } from '../state/AppProvider';

export interface PickedCardContent { readonly kind: string; readonly title: string; readonly rows: readonly (readonly [string, string])[] }

/** The picked object's title and rows, or undefined when nothing is picked. */
export function usePickedCard(): PickedCardContent | undefined {
  const picked = useEventDisplay((s) => s.picked);
  const event = useData((s) => s.event);
  const analysis = useData((s) => s.analysis);
  return useMemo(() => {
    if (!picked || !event) return undefined;
    const card = layerById(picked.kind)?.describe?.(event, analysis, picked.index);
    return card ? { kind: picked.kind, title: card.title, rows: card.rows.map(([k, v]) => [String(k), String(v)] as const) } : undefined;
  }, [picked, event, analysis]);
}

export function PickedRows({ card }: { card: PickedCardContent }) {
  return <table className="objects"><tbody>{card.rows.map(([k, v]) => <tr key={k}><td>{k}</td><td>{v}</td></tr>)}</tbody></table>;
}

/** Properties of the object the user clicked, as its layer describes it. */
export function PickedObject() {
  const card = usePickedCard();
  if (!card) return <div className="muted small">Click a track, cluster or hit in a view for its properties.</div>;
  return (
    <div className="picked" data-testid="picked-object" data-kind={card.kind}>
      <b>{card.title}</b>
      <PickedRows card={card} />
    </div>
  );
}
