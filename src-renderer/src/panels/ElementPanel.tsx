/** Per-element visibility, grouped like the detector, and the facts (with sources) of the inspected element. */
import type { DetectorModel } from '../geometry/detector-model';
import type { DetectorElement, ElementGroup } from '../../../src-shared/geometry/types';
import { isShown } from '../state/view-store';
import { useView } from '../state/AppProvider';
import { ElementOpacity } from './Scene3DControls';

const fmtZ = (z: number) => `${(z / 1000).toFixed(3)} m`;

function describeShape(el: DetectorElement): string {
  const s = el.shape;
  switch (s.kind) {
    case 'box': return `${2 * s.halfX} × ${2 * s.halfY} mm${s.hole ? ', pierced' : ''}`;
    case 'disc': return s.hole && s.hole.kind === 'circle' ? `${s.hole.r} < R < ${s.rOuter} mm` : `R ${s.rOuter} mm`;
    case 'octagon': return `octagon, apothem ${s.apothem} mm${s.hole?.kind === 'circle' ? `, hole R ${s.hole.r} mm` : ''}`;
    case 'lav': return `${s.rInner} < R < ${s.rOuter} mm, ${s.rings} rings × ${s.blocksPerRing} blocks`;
    case 'straw': return '4 views (u, v, x, y) × 4 layers of straws';
    case 'muv3': return '148 tiles (220 mm and 146.7 mm)';
    case 'magnet': return `aperture ${2 * s.apertureHalfX} × ${2 * s.apertureHalfY} mm`;
    case 'tube': return `${s.sections.length} sections, R ${Math.min(...s.sections.map((x) => x.rInner))}–${Math.max(...s.sections.map((x) => x.rOuter))} mm`;
    case 'marker': return `(x, y) = (${s.x}, ${s.y}) mm`;
    case 'axis': return `x = ${s.x}, y = ${s.y}`;
  }
}

export function ElementPanel({ model }: { model: DetectorModel }) {
  const shown = useView((s) => s.shown);
  const setShown = useView((s) => s.setShown);
  const inspected = useView((s) => s.inspected);
  const inspect = useView((s) => s.inspect);
  const frameElement = useView((s) => s.frameElement);
  const groups = new Map<ElementGroup, DetectorElement[]>();
  for (const { element } of model.elements) groups.set(element.group, [...(groups.get(element.group) ?? []), element]);
  const info = inspected ? model.byId.get(inspected)?.element : undefined;

  return (
    <section className="element-panel" aria-label="Detector elements">
      <h2>Detector <span className="muted">({model.version})</span></h2>
      <div className="element-list">
        {[...groups.entries()].map(([group, els]) => {
          const all = els.every((e) => isShown(shown, e.id, e.visibleByDefault));
          const some = !all && els.some((e) => isShown(shown, e.id, e.visibleByDefault));
          return (
            <fieldset key={group}>
              <legend>
                <label>
                  <input
                    type="checkbox" checked={all} aria-label={`all of ${group}`}
                    ref={(el) => { if (el) el.indeterminate = some; }}
                    onChange={(e) => setShown(els.map((x) => x.id), e.target.checked)}
                  />
                  {group}
                </label>
              </legend>
              {els.map((el) => (
                <div className={`element-row${inspected === el.id ? ' inspected' : ''}`} key={el.id}>
                  <input
                    type="checkbox" id={`vis-${el.id}`} data-element={el.id}
                    checked={isShown(shown, el.id, el.visibleByDefault)}
                    onChange={(e) => setShown([el.id], e.target.checked)}
                  />
                  <span className="swatch" style={{ background: el.colour }} />
                  <button type="button" className="link" onClick={() => inspect(inspected === el.id ? undefined : el.id)} title={`${fmtZ(el.z0)} – ${fmtZ(el.z1)}`}>
                    {el.label}
                  </button>
                  <span className="muted z">{(el.z0 / 1000).toFixed(1)} m</span>
                </div>
              ))}
            </fieldset>
          );
        })}
      </div>
      {info && (
        <section className="element-info" data-testid="element-info">
          <h3>{info.label} <button type="button" onClick={() => frameElement(info.id)} title="Zoom the current view onto this element">Frame</button></h3>
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
      )}
    </section>
  );
}
