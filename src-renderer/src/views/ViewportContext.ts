/** The view a component is mounted in (a view panel provides it; R3F bridges it into the canvas). */
import { createContext } from 'react';
import type { ViewEntry } from './view-registry';

export const ViewportContext = createContext<ViewEntry | undefined>(undefined);
