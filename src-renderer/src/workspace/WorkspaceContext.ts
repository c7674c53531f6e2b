/** What the panels of the workspace need from the app shell (the detector model, the API, the status line). */
import { createContext, useContext } from 'react';
import type { Na62Api } from '../../../src-shared/api/contract';
import type { DetectorModel } from '../geometry/detector-model';

export interface WorkspaceContextValue {
  readonly api: Na62Api;
  readonly model: DetectorModel | undefined;
  readonly onMessage: (m: string) => void;
  /** benchmark baseline: every part drawn on its own */
  readonly unmerged: boolean;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | undefined>(undefined);

export function useWorkspaceContext(): WorkspaceContextValue {
  const v = useContext(WorkspaceContext);
  if (!v) throw new Error('WorkspaceContext is missing above this panel');
  return v;
}
