/**
 * The first schema. Written with Kysely's schema builder and only portable types (`text`,
 * `integer`, `double precision`), so the same migration runs on SQLite and PostgreSQL. Every
 * table that belongs to a teacher, class or student hangs off it with ON DELETE CASCADE:
 * deleting a class or a student must leave none of their rows behind (design §7).
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not as `Database` says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates every table. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('teachers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('teacher_id', 'text', (c) =>
			c.notNull().references('teachers.id').onDelete('cascade')
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_teacher').on('sessions').column('teacher_id').execute();
	await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

	await db.schema
		.createTable('classes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('teacher_id', 'text', (c) =>
			c.notNull().references('teachers.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Baghdad'))
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		.addColumn('archived_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('classes_teacher').on('classes').column('teacher_id').execute();

	await db.schema
		.createTable('students')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('rejoin_code_hash', 'text', (c) => c.unique())
		.addColumn('rejoin_expires_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text')
		.execute();
	await db.schema.createIndex('students_class').on('students').column('class_id').execute();

	await db.schema
		.createTable('assignments')
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('due_date', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignments_pk', ['class_id', 'lesson_id'])
		.execute();

	await db.schema
		.createTable('attempts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('student_id', 'text', (c) =>
			c.notNull().references('students.id').onDelete('cascade')
		)
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('lesson_version', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull())
		.addColumn('correct', 'integer', (c) => c.notNull())
		.addColumn('score', 'double precision', (c) => c.notNull())
		.addColumn('answered_at', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('batch_index', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('attempts_student_lesson')
		.on('attempts')
		.columns(['student_id', 'lesson_id'])
		.execute();

	await db.schema
		.createTable('rate_limits')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_index', 'integer', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limits_pk', ['action', 'key'])
		.execute();
}

/** Drops every table, children first. */
export async function down(db: AnyDb): Promise<void> {
	for (const table of [
		'rate_limits',
		'attempts',
		'assignments',
		'students',
		'classes',
		'sessions',
		'teachers'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
