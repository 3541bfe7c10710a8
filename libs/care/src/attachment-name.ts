/** Extensions that match each accepted type; the first is the one given when the name has none of them. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** Longest stored name, in characters: enough for a descriptive name, short enough for any file system. */
export const ATTACHMENT_NAME_MAX = 120;
const FALLBACK_STEM = 'adjunto';

/**
 * The name an attachment is stored and served under (PRODUCT.md section 7, issue 9 finding 7): the
 * client's name in Unicode NFC without control, format (bidirectional overrides) or separator
 * characters, without any folder part or leading dots, at most ATTACHMENT_NAME_MAX characters, and with
 * the extension of the type read from the content, so that a PNG sent as `informe.html` is `informe.png`
 * and no one downloading it is led to open it as something else.
 */
export function attachmentName(raw: string | null | undefined, contentType: string): string {
  const allowed = EXTENSIONS[contentType] ?? [];
  // Lone surrogates (which encodeURIComponent refuses) and U+FFFD (bytes that were not UTF-8) go too.
  let name = (raw ?? '').replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\uFFFD]/gu, '').normalize('NFC');
  name = name.split(/[\\/]/).pop()!
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = name.lastIndexOf('.');
  const given = dot > 0 ? name.slice(dot + 1) : '';
  let stem = name;
  let extension = allowed[0] ?? 'bin';
  if (allowed.includes(given.toLowerCase())) {
    stem = name.slice(0, dot);
    extension = given.toLowerCase();
  } else if (/^[a-z0-9]{1,10}$/i.test(given)) {
    // Another type's extension (html, exe, docx…): replaced, not kept in front of the right one.
    stem = name.slice(0, dot);
  }
  const room = ATTACHMENT_NAME_MAX - extension.length - 1;
  stem = [...stem].slice(0, room).join('').replace(/[.\s]+$/, '');
  return `${stem || FALLBACK_STEM}.${extension}`;
}

/**
 * `Content-Disposition` for a download (RFC 6266): an ASCII `filename` for old clients (accents
 * removed, anything else replaced by `_`) and the exact name in `filename*` (RFC 8187, UTF-8).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9 ._()-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
