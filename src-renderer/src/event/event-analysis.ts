/**
 * The analysis of the displayed event is the engine's (src-engine/reco/event-analysis.ts): it
 * arrives with the event over the API. The renderer only reads its types.
 */
export type { EventAnalysis, Hypothesis, TaxConstruction, TrackAssociation, TrackInfo, Vec3, VertexInfo } from '../../../src-shared/event/analysis';
