/** The "construction" preset (command view.construction, toolbar button): see display/construction.ts. */
import { constructionView } from '../display/construction';
import { CONSTRUCTION_FIT_TARGET } from '../display/framing';
import type { AppStores } from './app-stores';

/** The side or top view (whichever shows the CDA segment). Without a construction (kaon mode, a blinded or one-track event) the side view at 1:100 frames the event. */
export function applyConstructionPreset(stores: AppStores, viewport: { width: number; height: number } | undefined): string | undefined {
  const tax = stores.data.getState().analysis?.tax;
  // as the toolbar's button, disabled then: the key turned the view into a side view at 1:100 with nothing to read
  if (!tax) return 'No CDA_TAX construction for this event (dump-mode two-track events, once unblinded)';
  const vp = viewport && viewport.width > 0 && viewport.height > 0 ? viewport : { width: 1200, height: 800 };
  const v = constructionView(tax, vp);
  // compression, magnification and the inset are shared by the views; the mode and the framing are the active view's
  stores.view.setState({ compression: v.compression, magnification: v.magnification, taxInset: true });
  const active = stores.workspace.getState().views.active();
  if (active) active.store.setState((s) => ({ mode: v.mode, fitTarget: CONSTRUCTION_FIT_TARGET, fitRequest: s.fitRequest + 1 }));
  else stores.view.getState().setMode(v.mode);
  // the construction is drawn only with its collection on
  if (stores.eventDisplay.getState().hidden.tax) stores.eventDisplay.setState((e) => ({ hidden: { ...e.hidden, tax: false } }));
  return undefined;
}
