/**
 * Request decoding for the fake Slack: form-encoded (what the WebClient sends, JSON-encoded
 * `blocks`/`view`/`files` inside), JSON, multipart and query-string arguments.
 */
import type { IncomingMessage } from 'node:http';
import type { Args } from './methods';

/** JSON-encoded args the WebClient flattens into form fields; parsed when they parse. */
const JSON_ARGS = ['blocks', 'attachments', 'view', 'files', 'metadata'];
const MAX_BODY = 20 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Form, JSON, multipart or query-string arguments, with JSON-encoded fields parsed. */
export function parseArgs(req: IncomingMessage, body: Buffer, url: URL): { args: Args; invalid?: string } {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const args: Args = Object.fromEntries(url.searchParams);
  if (type.startsWith('application/json')) {
    try {
      const json: unknown = JSON.parse(body.toString('utf8') || '{}');
      if (typeof json === 'object' && json !== null) Object.assign(args, json);
    } catch {
      return { args, invalid: 'invalid_json' };
    }
  } else if (type.startsWith('multipart/form-data')) {
    for (const part of multipartParts(body, type)) {
      args[part.name] = part.filename === undefined ? part.data.toString('utf8') : part.data;
    }
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  for (const key of JSON_ARGS) {
    const v = args[key];
    if (typeof v !== 'string') continue;
    try {
      args[key] = JSON.parse(v) as unknown;
    } catch {
      // keep the string; handlers answer invalid_blocks_format / invalid_arguments
    }
  }
  return { args };
}

/** The uploaded file: the (first file) part of a multipart body, else the raw body. */
export function uploadBytes(req: IncomingMessage, body: Buffer): Buffer | undefined {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) return body.length > 0 ? body : undefined;
  const parts = multipartParts(body, type);
  return (parts.find((p) => p.filename !== undefined) ?? parts[0])?.data;
}

export interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

export function multipartParts(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return [];
  const delimiter = Buffer.from(`--${b}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headStart = start + delimiter.length;
    if (body.subarray(headStart, headStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, headStart);
    if (next === -1) break;
    const chunk = body.subarray(headStart + 2, next - 2); // skip CRLF after delimiter and before next
    const split = chunk.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = chunk.subarray(0, split).toString('utf8');
      const name = /;\s*name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined) parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: chunk.subarray(split + 4) });
    }
    start = next;
  }
  return parts;
}
