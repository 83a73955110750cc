// How each kind of service point looks on the map: a colour and one Chinese character, so that a
// marker reads without a legend on a small screen (驿 = 驿站, 宫 = 工人文化宫 …). Nothing is copied
// here: app.js fills this module at start from GET /api/catalog, whose kinds come from
// seeds/station-kinds.csv (code, nameZh, sortOrder, glyph, color). A code the catalog does not
// know — or every code, when the catalog could not be loaded — gets a neutral grey 站.

const OTHER = Object.freeze({ code: '', glyph: '站', color: '#666666', name: '其他', sortOrder: Infinity });
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** code → {code, glyph, color, name, sortOrder}, in the catalog's order. */
let kinds = new Map();

/**
 * Takes the catalog's kinds ({code, nameZh, glyph, color, sortOrder, …}). A kind with a glyph that
 * is not one character or a colour that is not #rrggbb keeps the neutral style for that part: these
 * values go into marker HTML and CSS.
 */
export function setKinds(list) {
  const sorted = [...(list || [])].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  kinds = new Map(sorted.map((k) => [k.code, Object.freeze({
    code: k.code,
    glyph: typeof k.glyph === 'string' && [...k.glyph].length === 1 ? k.glyph : OTHER.glyph,
    color: typeof k.color === 'string' && COLOR.test(k.color) ? k.color : OTHER.color,
    name: k.nameZh || k.code,
    sortOrder: k.sortOrder,
  })]));
}

/** The style of a kind code: the catalog's, or the neutral one for an unknown code. */
export function kindStyle(code) {
  return kinds.get(code) || OTHER;
}

/** The Chinese name of a kind: the catalog's, else the fallback (e.g. the station's own kindName). */
export function kindName(code, fallback) {
  return kinds.has(code) ? kinds.get(code).name : (fallback || code || OTHER.name);
}

/** The catalog's kinds in display order. */
export function kindList() {
  return [...kinds.values()];
}

/** Codes sorted as the catalog orders them; unknown codes last, by code. */
export function sortKindCodes(codes) {
  const order = (c) => (kinds.has(c) ? kinds.get(c).sortOrder : Infinity);
  return [...codes].sort((a, b) => order(a) - order(b) || String(a).localeCompare(String(b)));
}
