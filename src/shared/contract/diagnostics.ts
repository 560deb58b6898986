import { z } from 'zod';
import { command } from './define';
import { noInput } from './common';

export const diagnosticsFileSchema = z.object({
  /** `teacher-ai-diagnostics-<UTC time>.json`; a copy stays in `<dataDir>/diagnostics`. */
  fileName: z.string().regex(/^teacher-ai-diagnostics-[\dT-]+\.json$/),
  sizeBytes: z.number().int().min(0),
  /** The file itself (JSON text), for the page to save as a download. */
  content: z.string(),
});

export const diagnosticsContract = {
  /**
   * «Экспорт диагностики»: versions, the machine, sizes, row counts, migrations, the sync queue, backups
   * and the redacted logs, as one file — never a password, token, key or anything a student wrote.
   * Any signed-in account may export it (the content is the same redacted report for everybody).
   */
  'diagnostics.export': command(noInput, diagnosticsFileSchema, 'user'),
};

export type DiagnosticsFile = z.infer<typeof diagnosticsFileSchema>;
