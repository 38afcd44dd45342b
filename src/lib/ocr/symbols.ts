/**
 * Common symbols of Vietnamese administrative documents (src/lib/ocr/data/symbols.json): document
 * types (`QĐ`, `NĐ`, `TTr`), the issuing bodies provincial regulations cite most (`TTg`, `CP`,
 * `UBND`, `BTTTT`) and the abbreviations of recipient lists (`VT`, `CVP`, `VX`). The clean references
 * show only the few a handful of texts use; a regulation citing `61/2018/NĐ-CP` or `05/2017/QĐ-TTg`
 * when no reference does must not get the nearest symbol a reference happens to print (`QĐ-BCĐ`).
 * Their folded upper-case keys are distinct (so `DA`/`ĐA` and `HD`/`HĐ` are not both listed).
 */
import data from './data/symbols.json' with { type: 'json' };

/** Every listed symbol: document types, issuers, recipient-list abbreviations. */
export const SYMBOLS: readonly string[] = [...data.types, ...data.issuers, ...data.recipients];
