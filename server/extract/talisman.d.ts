// talisman ships CommonJS without types; only the Daitch–Mokotoff encoder is used here.
declare module 'talisman/phonetics/daitch-mokotoff.js' {
  const encoder: unknown;
  export default encoder;
}
