/**
 * "See inside" on the 3D view: x-ray of the passive detector, the z cut-away plane, the φ wedge
 * and the opacity of each group of the detector table. Shown over the 3D view only (the 2D views
 * draw the detector as built); `ElementOpacity` is the same control for one element, in its card.
 */
import { useState } from 'react';
import type { DetectorModel } from '../geometry/detector-model';
import type { ElementGroup } from '../../../src-shared/geometry/types';
import { CUT_Z_RANGE_M, opacityOf, XRAY_MODES, type XRayMode } from '../display/passive-look';
import { useLiveView, useScene3D, useViewport } from '../state/AppProvider';

const XRAY_LABEL: Record<XRayMode, string> = { off: 'solid', translucent: 'translucent', outline: 'outlines' };
const pct = (x: number) => `${Math.round(x * 100)} %`;

export function Scene3DControls({ model }: { model: DetectorModel | undefined }) {
  // over each 3D view (the view panel's own mode)
  const mode = useViewport((s) => s.mode);
  const look = useScene3D((s) => s);
  const [open, setOpen] = useState(false);
  const live = useLiveView();
  if (mode !== '3d' || !model) return null;
  const groups = [...new Set(model.elements.filter((e) => e.element.shape.kind !== 'axis').map((e) => e.element.group))];
  // folded, the button says what is on (a lone "·" said only that something was, and read as a stray dot)
  const active = [
    look.xray !== 'off' ? `x-ray ${XRAY_LABEL[look.xray]}` : '', look.cutZ.on ? `cut at z ${look.cutZ.zM.toFixed(1)} m` : '', look.cutPhi.on ? 'φ wedge cut' : '',
    Object.keys(look.groupOpacity).length > 0 || Object.keys(look.elementOpacity).length > 0 ? 'opacity' : '',
  ].filter(Boolean);
  return (
    <section className={`scene3d-controls${open ? ' open' : ''}`} aria-label="See inside the detector" data-testid="scene3d-controls">
      <button type="button" className="scene3d-toggle" aria-expanded={open} onClick={() => { setOpen(!open); live.canvas?.invalidate(); /* the labels lay out again around the panel's new size */ }} title="Opacity, x-ray and cut-aways of the passive detector (x, c)">
        See inside {open ? '▴' : '▾'}{active.length && !open ? <span className="muted" data-testid="scene3d-active"> {active.join(' · ')}</span> : null}
      </button>
      {open && (
        <div className="scene3d-body">
          <div className="segmented" role="group" aria-label="X-ray">
            {XRAY_MODES.map((m) => (
              <button key={m} type="button" aria-pressed={look.xray === m} data-xray={m} onClick={() => look.setXRay(m)} title="x cycles">{XRAY_LABEL[m]}</button>
            ))}
          </div>
          <fieldset>
            <legend><label><input type="checkbox" checked={look.cutZ.on} onChange={(e) => look.setCutZ({ on: e.target.checked })} data-testid="cutz-on" /> cut at z</label></legend>
            <label className="row">
              <span>z</span>
              <input
                type="range" min={CUT_Z_RANGE_M.min} max={CUT_Z_RANGE_M.max} step={0.1} value={look.cutZ.zM} aria-label="Cut-away z (m)" data-testid="cutz"
                onChange={(e) => look.setCutZ({ zM: Number(e.target.value), on: true })}
              />
              <span className="num">{look.cutZ.zM.toFixed(1)} m</span>
            </label>
            <label className="row">
              <span>keep</span>
              <select value={look.cutZ.keep} aria-label="Cut-away side" onChange={(e) => look.setCutZ({ keep: e.target.value as 'downstream' | 'upstream' })}>
                <option value="downstream">downstream of z</option>
                <option value="upstream">upstream of z</option>
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend><label><input type="checkbox" checked={look.cutPhi.on} onChange={(e) => look.setCutPhi({ on: e.target.checked })} data-testid="cutphi-on" /> φ wedge removed</label></legend>
            <label className="row">
              <span>centre</span>
              <input type="range" min={0} max={359} step={1} value={look.cutPhi.centreDeg} aria-label="Wedge centre φ (°)" onChange={(e) => look.setCutPhi({ centreDeg: Number(e.target.value), on: true })} />
              <span className="num">{look.cutPhi.centreDeg}°</span>
            </label>
            <label className="row">
              <span>opening</span>
              <input type="range" min={10} max={270} step={5} value={look.cutPhi.widthDeg} aria-label="Wedge opening (°)" data-testid="cutphi-width" onChange={(e) => look.setCutPhi({ widthDeg: Number(e.target.value), on: true })} />
              <span className="num">{look.cutPhi.widthDeg}°</span>
            </label>
          </fieldset>
          <fieldset>
            <legend>opacity</legend>
            {groups.map((g: ElementGroup) => {
              const v = look.groupOpacity[g] ?? 1;
              return (
                <label className="row" key={g}>
                  <span className="group">{g}</span>
                  <input type="range" min={0} max={1} step={0.05} value={v} aria-label={`Opacity of ${g}`} data-group={g} onChange={(e) => look.setGroupOpacity(g, Number(e.target.value))} />
                  <span className="num">{pct(v)}</span>
                </label>
              );
            })}
          </fieldset>
          <button type="button" onClick={() => look.reset()} disabled={!active.length} title="The detector as built: solid, whole, every element opaque">Reset</button>
        </div>
      )}
    </section>
  );
}

/** One element's opacity in the 3D view (in its facts card); "group" lets it follow its group again. */
export function ElementOpacity({ model, id }: { model: DetectorModel; id: string }) {
  const look = useScene3D((s) => s);
  const el = model.byId.get(id)?.element;
  if (!el) return null;
  const own = look.elementOpacity[id];
  const v = opacityOf(look, id, el.group);
  return (
    <label className="field element-opacity" title="Opacity of this element in the 3D view (overrides its group's)">
      <span>3D opacity</span>
      <input type="range" min={0} max={1} step={0.05} value={v} aria-label={`Opacity of ${el.label}`} data-testid="element-opacity" onChange={(e) => look.setElementOpacity(id, Number(e.target.value))} />
      <span className="num">{pct(v)}</span>
      {own !== undefined && <button type="button" className="link" onClick={() => look.setElementOpacity(id, undefined)}>as group</button>}
    </label>
  );
}
