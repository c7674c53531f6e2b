export { createEngineHandlers, DEMO_DATASETS, type EngineOptions, type EngineHost, type CreatedFile } from './engine';
export { createDispatcher, UserFacingError, type Dispatcher, type Handlers } from './dispatch';
