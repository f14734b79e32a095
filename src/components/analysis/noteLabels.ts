// What each kind of editorial note is called where a reader sees it.
import type { NoteKind } from '../../lib/article/outline';

export const NOTE_LABELS: Record<NoteKind, string> = { correction: 'Correction', spelling: 'Spelling', context: 'Context' };
