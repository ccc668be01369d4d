/**
 * Every migration, in order. They live in code rather than in a folder read at run time so that
 * Vite bundles them into the built server. Names sort in the order they must run; never rename
 * or edit one that has shipped: add a new one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';
import * as lessons from './0002-lessons';
import * as passwordResets from './0003-password-resets';
import * as acceptedAnswers from './0004-accepted-answers';
import * as lessonDrafts from './0005-lesson-drafts';
import * as removedDevices from './0006-removed-devices';
import * as resultsSummary from './0007-results-summary';
import * as lessonFileStat from './0008-lesson-file-stat';

const migrations: Record<string, Migration> = {
	'0001-initial': initial,
	'0002-lessons': lessons,
	'0003-password-resets': passwordResets,
	'0004-accepted-answers': acceptedAnswers,
	'0005-lesson-drafts': lessonDrafts,
	'0006-removed-devices': removedDevices,
	'0007-results-summary': resultsSummary,
	'0008-lesson-file-stat': lessonFileStat
};

/** Hands Kysely's Migrator the migrations above. */
export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
