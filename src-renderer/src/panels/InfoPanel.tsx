/** The event & element info panel (issue 17): the picked object's card and the facts of the inspected detector element. */
import type { DetectorModel } from '../geometry/detector-model';
import { useView } from '../state/AppProvider';
import { describeShape, fmtZ } from './ElementPanel';
import { PickedObject } from './PickedObject';
import { ElementOpacity } from './Scene3DControls';

function ElementFacts({ model }: { model: DetectorModel }) {
  const inspected = useView((s) => s.inspected);
  const inspect = useView((s) => s.inspect);
  const frameElement = useView((s) => s.frameElement);
  const info = inspected ? model.byId.get(inspected)?.element : undefined;
  if (!info) return <div className="muted small">Click an element's name in Controls → Detector for its facts and sources.</div>;
  return (
    <section className="element-info" data-testid="element-info">
      <h3>{info.label}{' '}
        <button type="button" onClick={() => frameElement(info.id)} title="Zoom the active view onto this element">Frame</button>{' '}
        <button type="button" onClick={() => inspect(undefined)} title="Close the element's card" aria-label="close element card">✕</button>
      </h3>
      <p className="muted">{info.z0 === info.z1 ? `z = ${fmtZ(info.z0)}` : `z = ${fmtZ(info.z0)} – ${fmtZ(info.z1)} (${(info.z1 - info.z0).toFixed(1)} mm)`}</p>
      <p>{describeShape(info)} · {info.material}</p>
      <ElementOpacity model={model} id={info.id} />
      {info.note && <p>{info.note}</p>}
      <dl>
        {Object.entries(info.sources).map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
    </section>
  );
}

export function InfoPanel({ model }: { model: DetectorModel | undefined }) {
  return (
    <div className="info-panel side-panel" aria-label="Event and element">
      <h2>Picked object</h2>
      <PickedObject />
      <h2>Detector element</h2>
      {model ? <ElementFacts model={model} /> : <div className="muted small">Loading the detector…</div>}
    </div>
  );
}
