/** The ROOT import, loaded on demand (the engine imports this module only when a ROOT file is opened). */
export { openRootFile, type RootFile } from './root-file';
export { importRoot, previewRoot, proposeForFile, mappingHash, IMPORT_BATCH } from './import';
export { RootFileError } from './jsroot-port';
