/**
 * Unblinding, one analysis and one dataset at a time, in stages: the control region first, then
 * the signal region. Each step asks for a typed phrase naming the preset, the region and the
 * dataset (by content identity); the log of this dataset's steps is shown.
 */
import { useEffect, useState } from 'react';
import { BLIND_BADGE, blindStageOf } from '../state/selection-store';
import { useActions, useData, useSelection } from '../state/AppProvider';
import { unblindPhrase } from '../../../src-shared/selection/blinding';
import { Modal } from './Modal';

export function UnblindDialog({ onClose }: { onClose: () => void }) {
  const { refreshBlinding, setBlindStage } = useActions();
  const preset = useSelection((s) => s.preset);
  const blinding = useSelection((s) => s.blinding);
  const stage = useSelection(blindStageOf);
  const dataset = useData((d) => d.datasets.find((x) => x.id === d.current));
  // what was typed, for the region it was typed for: a phrase typed for the CR never counts for the SR,
  // and finishing the CR step cannot wipe what is already typed for the SR
  const [entry, setEntry] = useState<{ region?: string; text: string }>({ text: '' });
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  // the phrase names the dataset by its content: ask the engine for its identity (hashes the file once)
  useEffect(() => { void refreshBlinding(true); }, [refreshBlinding]);
  const region = stage === 'blind' ? 'CR' : stage === 'cr' ? 'SR' : undefined;
  const phrase = region && blinding?.identity ? unblindPhrase(preset, region, blinding.identity) : undefined;
  const text = entry.region === region ? entry.text : '';
  const submit = async () => {
    if (!phrase || text !== phrase) return;
    setBusy(true);
    const err = await setBlindStage(region === 'CR' ? 'cr' : 'sr', text);
    setBusy(false);
    setProblem(err);
  };
  const reblind = async () => { setBusy(true); const err = await setBlindStage('blind'); setBusy(false); setProblem(err); };
  return (
    <Modal label="Unblind" className="unblind-modal" onClose={onClose} onSubmit={() => void submit()}>
        <h2>Blinding of {preset} on {dataset?.name ?? 'this dataset'}</h2>
        <p data-testid="unblind-stage">Now: <b>{BLIND_BADGE[stage]}</b></p>
        {/* the policy apart from the state: "blind like data" beside "CR UNBLINDED" read as a contradiction */}
        {blinding && <p className="muted small" data-testid="blinding-why">Blinding {blinding.applies ? 'applies to this file' : 'does not apply to this file'}: {blinding.why}.</p>}
        {stage === 'none' && <p>Pure simulation is never blind; the file says so itself.</p>}
        {region && (
          <>
            <p>
              Next step: open the <b>{region === 'CR' ? 'control region' : 'signal region'}</b> of {preset} on this dataset only
              {region === 'SR' ? ' (after the background was validated in the CR)' : ''}. Events there will be listed, drawn and exported,
              and the step is written to the unblinding log that every export carries. Other analyses and other datasets stay blind.
            </p>
            <p>Dataset identity: <code data-testid="unblind-identity">{blinding?.identity ?? 'computing…'}</code></p>
            <p>Type <kbd data-testid="unblind-phrase">{phrase ?? '…'}</kbd> to confirm.</p>
            <input value={text} onChange={(e) => setEntry({ region, text: e.target.value })} aria-label="confirmation" autoFocus spellCheck={false} />
          </>
        )}
        {problem && <div className="error-box" role="alert" data-testid="unblind-error">{problem}</div>}
        {!!blinding?.log.length && (
          <div className="small" data-testid="unblind-log">
            <div className="muted">Unblinding log of this dataset:</div>
            <ul>{blinding.log.map((e) => <li key={`${e.preset}${e.region}${e.time}`}>{e.time.replace('T', ' ').slice(0, 19)} UTC · {e.region} of {e.preset} · app {e.appVersion}</li>)}</ul>
          </div>
        )}
        <div className="buttons">
          <button type="button" onClick={onClose}>Close</button>
          {(stage === 'cr' || stage === 'sr') && <button type="button" onClick={() => void reblind()} disabled={busy} data-testid="reblind">Blind again</button>}
          {region && <button type="submit" disabled={busy || !phrase || text !== phrase} data-testid="confirm-unblind">Unblind the {region}</button>}
        </div>
    </Modal>
  );
}
