import { z } from 'zod';
import { knowledgeFileSchema } from './schema';

/** JSON Schema for editors (yaml-language-server) so they complete field names and flag mistakes as you type. */
export function knowledgeJsonSchema(): string {
  const schema = z.toJSONSchema(knowledgeFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Hotline knowledge file' }, null, 2)}\n`;
}
