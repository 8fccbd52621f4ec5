/**
 * The bytes of a base64 text. The platform's decoder where there is one (0.2 ms for the offline page's
 * module); else atob and a copy byte by byte (4-9 ms there).
 * @param {string} text
 * @returns {Uint8Array}
 */
export function base64Bytes(text) {
  // @ts-ignore: newer than the TypeScript library this is checked against
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
