/** File → Generate…: the fast Monte Carlo with the same parameters as the CLI (`na62 generate`). */
import { useState } from 'react';
import { DUMP_PROCESSES, KAON_PROCESSES } from '../../../src-shared/event/model';
import { GeneratorConfigSchema, modeOfMix, parseProcessMix } from '../../../src-shared/event/generator-config';
import { useActions } from '../state/AppProvider';
import { Modal } from './Modal';

const FIELDS = [
  ['events', 'events', '10000'], ['seed', 'seed', '1'], ['mass', 'mass (MeV)', 'default'], ['epsilon', 'ε (A′)', '3e-7'],
  ['ctau', 'cτ (mm)', 'ALP 1000; A′ from ε'], ['br', 'BR product', 'default'], ['scalarMass', 'S mass (MeV)', '200'], ['run', 'run', '1'],
] as const;
type Field = (typeof FIELDS)[number][0];

export function GenerateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { openWith } = useActions();
  const [mix, setMix] = useState('aprime-mumu');
  const [values, setValues] = useState<Record<Field, string>>({ events: '10000', seed: '1', mass: '', epsilon: '', ctau: '', br: '', scalarMass: '', run: '1' });
  const [strawHits, setStrawHits] = useState(true);
  const [mockData, setMockData] = useState(false);
  const [truth, setTruth] = useState(true);
  const [problem, setProblem] = useState<string>();
  if (!open) return null;
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const opt = (key: string, s: string) => (num(s) !== undefined ? { [key]: num(s) } : {});
  const submit = () => {
    const parsedMix = parseProcessMix(mix);
    if ('error' in parsedMix) { setProblem(parsedMix.error); return; }
    const config = {
      mode: modeOfMix(parsedMix.mix), mix: parsedMix.mix, numEvents: num(values.events), seed: num(values.seed), run: num(values.run),
      strawHits, truth,
      ...opt('massMeV', values.mass), ...opt('epsilon', values.epsilon), ...opt('ctauMm', values.ctau),
      ...opt('brProduct', values.br), ...opt('scalarMassMeV', values.scalarMass),
    };
    const parsed = GeneratorConfigSchema.safeParse(config);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; '));
      return;
    }
    setProblem(undefined);
    onClose();
    const taskId = `gen-${Date.now().toString(36)}`;
    const name = `${Object.keys(parsedMix.mix).join('+')}-seed${parsed.data.seed}.arrow`;
    void openWith((api) => api.generate({ taskId, config: parsed.data, name, mockData }));
  };
  return (
    <Modal label="Generate events" className="generate" onClose={onClose} onSubmit={submit}>
        <h2>Generate events (fast MC)</h2>
        <label className="mix">processes (label[:share], comma-separated)
          <input value={mix} onChange={(e) => setMix(e.target.value)} aria-label="processes" list="na62-processes" />
          <datalist id="na62-processes">{[...DUMP_PROCESSES, ...KAON_PROCESSES].map((p) => <option key={p} value={p} />)}</datalist>
          <span className="muted">dump: {DUMP_PROCESSES.join(', ')} · kaon: {KAON_PROCESSES.join(', ')}</span>
        </label>
        <div className="form-grid">
          {FIELDS.map(([key, label, placeholder]) => (
            <label key={key}>{label}<input value={values[key]} placeholder={placeholder} aria-label={key} onChange={(e) => setValues({ ...values, [key]: e.target.value })} /></label>
          ))}
          <label className="check"><input type="checkbox" checked={strawHits} onChange={(e) => setStrawHits(e.target.checked)} /> raw STRAW hits</label>
          <label className="check"><input type="checkbox" checked={truth} onChange={(e) => setTruth(e.target.checked)} /> MC truth</label>
          <label className="check" title="The file then says it stands in for data: it is blind like data. Without it, simulation is never blind."><input type="checkbox" checked={mockData} onChange={(e) => setMockData(e.target.checked)} data-testid="generate-mock-data" /> mock data (blind)</label>
        </div>
        {problem && <div className="error-box" role="alert">{problem}</div>}
        <div className="buttons"><button type="button" onClick={onClose}>Cancel</button><button type="submit" data-testid="generate-run">Generate</button></div>
    </Modal>
  );
}
