/** OCR detection, restoration and the corrections layer (see INTERFACES.md). */
export { detectOcr, INVALID_THRESHOLD, type SourceLine } from './detect.ts';
export { restoreLines, clearModelCache, LOW_CONFIDENCE, WEIGHTS, type RestoredLine, type RestoreContext } from './restore.ts';
export { applyCorrections, retokenise, CorrectionsFileSchema } from './corrections.ts';
export { lowConfidenceTokens } from './report.ts';
export { ocrHooks } from './hooks.ts';
