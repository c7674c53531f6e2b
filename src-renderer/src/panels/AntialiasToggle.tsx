/** Status-bar switch for the live views' multisampling: auto (off on software WebGL), on, off. */
import { useView } from '../state/AppProvider';
import { isSoftwareRenderer, resolveAntialias, webglRenderer } from '../views/antialias';

export function AntialiasToggle() {
  const setting = useView((s) => s.antialias);
  const cycle = useView((s) => s.cycleAntialias);
  const renderer = webglRenderer();
  const on = resolveAntialias(setting, renderer);
  const why = setting === 'auto' ? (isSoftwareRenderer(renderer) ? ' (auto: software WebGL)' : ' (auto)') : '';
  return (
    <button type="button" className="status-button" data-testid="antialias-toggle" onClick={cycle}
      title={`Antialiasing (multisampling) of the views: ${setting}. Auto turns it off where WebGL runs in software (${renderer ?? 'renderer unknown'}), where it makes every frame about 3× slower. Pictures are always antialiased. Click: auto → on → off.`}>
      antialiasing {on ? 'on' : 'off'}{why}
    </button>
  );
}
