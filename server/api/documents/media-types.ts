/** What a browser may send to POST /api/documents: none of these is a type a cross-site form can send without a preflight. */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'text/html',
  'application/xhtml+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
] as const;
