/** Progress of the engine's long tasks, each with a cancel button. */
import { useActions, useData } from '../state/AppProvider';

export function TaskBar() {
  const { cancelTask } = useActions();
  const tasks = Object.values(useData((s) => s.tasks));
  if (!tasks.length) return null;
  return (
    <span className="tasks">
      {tasks.map((t) => (
        <span key={t.taskId} className="task" data-testid="task-progress">
          {t.label} <progress max={t.total} value={t.done} /> {Math.round((100 * t.done) / Math.max(1, t.total))}%
          <button type="button" onClick={() => void cancelTask(t.taskId)} title="Cancel">✕</button>
        </span>
      ))}
    </span>
  );
}
