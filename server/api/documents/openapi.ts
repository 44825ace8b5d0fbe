// Shapes of POST /api/documents for the OpenAPI document.
import type { JsonSchema } from '../validation.js';

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer', minimum: 0 };

export const DOCUMENT_SCHEMAS: Record<string, JsonSchema> = {
  DocumentBytes: { type: 'string', format: 'binary', description: 'The file as it is on disk.' },
  DerivedDocument: {
    type: 'object',
    required: ['upload', 'size', 'kind', 'mediaType', 'metadata', 'notes', 'text', 'segments', 'counts'],
    properties: {
      upload: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description: "SHA-256 of the file: name it in the source's document.upload to save it.",
      },
      size: int,
      fileName: str,
      kind: { enum: ['pdf', 'html', 'docx', 'text'] },
      mediaType: str,
      metadata: { type: 'object', properties: { title: str, author: str, published: str, url: str, publisher: str, language: str } },
      notes: { type: 'array', items: str },
      text: { ...str, description: 'The text the extractor will read and the store will keep; quotes point into it.' },
      segments: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'start', 'end'],
          properties: { kind: { enum: ['page', 'heading', 'footnote'] }, start: int, end: int, label: str },
        },
      },
      counts: {
        type: 'object',
        required: ['characters', 'pages', 'headings', 'footnotes'],
        properties: { characters: int, pages: int, headings: int, footnotes: int },
      },
    },
  },
};
