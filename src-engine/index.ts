export { createEngineHandlers, type EngineOptions } from './engine';
export { createDispatcher, UserFacingError, type Dispatcher, type Handlers } from './dispatch';
