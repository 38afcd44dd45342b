/**
 * Viet Nam's provinces, centrally-run cities and cities under a province as language-model training
 * streams (`tỉnh Kiên Giang`, `thành phố Cần Thơ`, `thành phố Phú Quốc`; a city's steering committee
 * issues regulations of this family too). Every regulation of this family names its own province dozens of
 * times, usually after `tỉnh`, `UBND tỉnh`, `Chủ tịch UBND tỉnh`; a province no reference names is a
 * new word after one of the most predictable contexts of the model, which then prefers a common
 * word (`tỉnh Kiên Giang` → `tỉnh Kiến Giảng`) or drops the tone of `tỉnh` before it (`tĩnh Bắc
 * Giang`). One stream per unit gives each name its within-name pair and its pair after `tỉnh` or
 * `thành phố`, and gives `tỉnh` the many different successors it has in the family. The list is
 * public administrative knowledge (src/lib/ocr/data/provinces.json), not text of any source.
 */
import data from './data/provinces.json' with { type: 'json' };

/** The units' names: provinces, then centrally-run cities. */
export const PROVINCES: readonly string[] = data.provinces;
export const CITIES: readonly string[] = data.cities;
/** The cities under a province (thành phố thuộc tỉnh: `Phú Quốc`, `Rạch Giá`, `Quy Nhơn`). */
export const PROVINCIAL_CITIES: readonly string[] = data.provincialCities;

/** A name (or prefix and name) as lower-case syllables, hyphens dropped (`Bà Rịa - Vũng Tàu`). */
const syllablesOf = (text: string) => text.toLowerCase().split(/[\s-]+/u).filter(Boolean);

let streams: string[][] | null = null;

/** One lower-case token stream per unit, `tỉnh <name>` or `thành phố <name>` (hyphens dropped: `Bà Rịa - Vũng Tàu`). */
export function gazetteerStreams(): readonly string[][] {
  streams ??= [...PROVINCES.map((n) => syllablesOf(`tỉnh ${n}`)), ...[...CITIES, ...PROVINCIAL_CITIES].map((n) => syllablesOf(`thành phố ${n}`))];
  return streams;
}

let places: string[][] | null = null;

/** Every unit's name as lower-case syllables (`['phú', 'quốc']`, `['bà', 'rịa', 'vũng', 'tàu']`): provinces, centrally-run cities, cities under a province. */
export function gazetteerPlaces(): readonly string[][] {
  places ??= [...new Set([...PROVINCES, ...CITIES, ...PROVINCIAL_CITIES])].map(syllablesOf);
  return places;
}
