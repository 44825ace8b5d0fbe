// Accent-, case- and punctuation-insensitive form of a name, for the offline fallback search.
// (The server's /api/search does the real work; this only keeps search usable if it is unreachable.)
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
