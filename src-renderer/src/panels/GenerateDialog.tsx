/** File → Generate…: the fast Monte Carlo with the same parameters as the CLI. */
import { useState } from 'react';
import { DUMP_PROCESSES, KAON_PROCESSES, type ProcessLabel, type RunMode } from '../../../src-shared/event/model';
import { GeneratorConfigSchema } from '../../../src-shared/event/generator-config';
import { openWith } from '../state/data-store';

const DEFAULTS: Record<RunMode, ProcessLabel> = { dump: 'aprime-mumu', kaon: 'k2pi-dd' };

export function GenerateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [mode, setMode] = useState<RunMode>('dump');
  const [process, setProcess] = useState<ProcessLabel>('aprime-mumu');
  const [events, setEvents] = useState('10000');
  const [seed, setSeed] = useState('1');
  const [mass, setMass] = useState('');
  const [epsilon, setEpsilon] = useState('');
  const [ctau, setCtau] = useState('');
  const [strawHits, setStrawHits] = useState(true);
  const [problem, setProblem] = useState<string>();
  if (!open) return null;
  const processes = mode === 'dump' ? DUMP_PROCESSES : KAON_PROCESSES;
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const submit = () => {
    const config = {
      mode, mix: { [process]: 1 }, numEvents: num(events), seed: num(seed), strawHits, truth: true,
      ...(num(mass) !== undefined ? { massMeV: num(mass) } : {}),
      ...(num(epsilon) !== undefined ? { epsilon: num(epsilon) } : {}),
      ...(num(ctau) !== undefined ? { ctauMm: num(ctau) } : {}),
    };
    const parsed = GeneratorConfigSchema.safeParse(config);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; '));
      return;
    }
    setProblem(undefined);
    onClose();
    const taskId = `gen-${Date.now().toString(36)}`;
    void openWith((api) => api.generate({ taskId, config: parsed.data, name: `${process}-seed${parsed.data.seed}.arrow` }));
  };
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <form className="modal generate" role="dialog" aria-label="Generate events" onClick={(e) => e.stopPropagation()} onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2>Generate events (fast MC)</h2>
        <div className="form-grid">
          <label>mode<select value={mode} onChange={(e) => { const m = e.target.value as RunMode; setMode(m); setProcess(DEFAULTS[m]); }}><option value="dump">beam dump</option><option value="kaon">kaon</option></select></label>
          <label>process<select value={process} onChange={(e) => setProcess(e.target.value as ProcessLabel)} aria-label="process">{processes.map((p) => <option key={p}>{p}</option>)}</select></label>
          <label>events<input value={events} onChange={(e) => setEvents(e.target.value)} inputMode="numeric" aria-label="events" /></label>
          <label>seed<input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" aria-label="seed" /></label>
          <label>mass (MeV)<input value={mass} placeholder="default" onChange={(e) => setMass(e.target.value)} aria-label="mass" /></label>
          <label>ε (A′)<input value={epsilon} placeholder="3e-7" onChange={(e) => setEpsilon(e.target.value)} aria-label="epsilon" /></label>
          <label>cτ (mm, ALP)<input value={ctau} placeholder="1000" onChange={(e) => setCtau(e.target.value)} aria-label="ctau" /></label>
          <label className="check"><input type="checkbox" checked={strawHits} onChange={(e) => setStrawHits(e.target.checked)} /> raw STRAW hits</label>
        </div>
        {problem && <div className="error-box" role="alert">{problem}</div>}
        <div className="buttons"><button type="button" onClick={onClose}>Cancel</button><button type="submit" data-testid="generate-run">Generate</button></div>
      </form>
    </div>
  );
}
