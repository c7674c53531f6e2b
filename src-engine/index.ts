export { createEngineHandlers, DEMO_DATASETS, type EngineOptions, type EngineHost, type CreatedFile } from './engine';
export { createDispatcher, UserFacingError, type Dispatcher, type Handlers } from './dispatch';
// the byte sources and sinks a host gives the engine (the browser worker's memory and Blob files)
export { blobSource, memorySink, memorySource, type ByteSink, type RandomAccessSource } from './io/source';
