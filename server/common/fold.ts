// Shared by the server and the browser client (the client bundles it through Vite): plain
// TypeScript that imports nothing, so neither side pulls the other's dependencies in.

// Letters NFKD leaves whole (they are letters of their own, not a base letter plus a mark).
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ħ: 'h',
};

/**
 * The form names are compared in by search, on the server (/api/search) and in the client's offline
 * fallback alike: compatibility-decomposed, marks stripped (ō → o, é → e), lower case, apostrophes
 * dropped (O’Brien → obrien), digit-group separators dropped ("70,000" and "70.000" → "70000", so a
 * figure is found however it is typed; not spaces: "in 1918 120 men") and any other run of
 * punctuation or space collapsed to one space ("Nikolayevsk-on-Amur" → "nikolayevsk on amur").
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðþæœßıħ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/['’‘ʼ`]/g, '')
    .replace(/(?<=\d)[,.](?=\d{3}(?!\d))/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
