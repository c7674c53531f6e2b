// @vitest-environment jsdom
/** Components read the stores of the AppProvider they are mounted under: two providers, two windows' state. */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { Na62Api } from '../../src-shared/api/contract';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { AppProvider, useData, useStores, useView } from '../../src-renderer/src/state/AppProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The providers here make no engine call: an API that refuses every call shows it. */
const refusingApi = new Proxy({}, { get: (_t, key) => () => { throw new Error(`no engine call expected (${String(key)})`); } }) as Na62Api;

function Probe() {
  const mode = useView((s) => s.mode);
  const index = useData((s) => s.index);
  const stores = useStores();
  return createElement('button', { onClick: () => stores.view.getState().setMode('top') }, `${mode}/${index}`);
}

describe('AppProvider', () => {
  it('gives each mounted window its own stores, and a test can pass its own', () => {
    const sa = createAppStores({ storage: memoryStorage() }), sb = createAppStores({ storage: memoryStorage() });
    sb.data.setState({ index: 7 });
    const [ea, eb] = [document.createElement('div'), document.createElement('div')];
    const [ra, rb] = [createRoot(ea), createRoot(eb)];
    act(() => {
      ra.render(createElement(AppProvider, { api: refusingApi, stores: sa, children: createElement(Probe) }));
      rb.render(createElement(AppProvider, { api: refusingApi, stores: sb, children: createElement(Probe) }));
    });
    expect([ea.textContent, eb.textContent]).toEqual(['side/0', 'side/7']);
    act(() => { ea.querySelector('button')!.click(); });
    expect([ea.textContent, eb.textContent]).toEqual(['top/0', 'side/7']);
    expect(sb.view.getState().mode).toBe('side');
    act(() => { sb.data.setState({ index: 8 }); });
    expect([ea.textContent, eb.textContent]).toEqual(['top/0', 'side/8']);
    act(() => { ra.unmount(); rb.unmount(); });
  });
});
