// A chosen file's bytes as the base64 text `desk:import-preview` takes. The bytes are sent as they
// are: main decides the encoding (BOM, strict UTF-8, GB18030), so nothing here decodes them.

// String.fromCharCode takes its characters as arguments: a chunk keeps that under the engine's limit.
const chunk = 0x8000;

/** `bytes` in base64 (RFC 4648, with padding), as btoa writes it. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += chunk) binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  return btoa(binary);
}
