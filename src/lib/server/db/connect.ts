/**
 * Opens Qiraa's database: an embedded SQLite file in the data folder by default, PostgreSQL when
 * a connection URL is given. Both sit behind the same typed Kysely query builder and run the same
 * migrations, so the services never know which engine they talk to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import type { Database, Db } from './database';
import { isUniqueViolation } from './errors';
import { migrationProvider } from './migrations';

export type Engine = 'sqlite' | 'postgres';

export interface OpenOptions {
	/** Folder of the SQLite file; created when missing. Default `./data`. */
	dataDir?: string;
	/** `postgres://…`: use PostgreSQL instead of SQLite. */
	databaseUrl?: string;
	/**
	 * PostgreSQL only: put every table in this schema (created when missing) by setting the
	 * connections' `search_path`. Tests use it to get a fresh database per run.
	 */
	schema?: string;
	/** Bring the schema up to date before returning. Default true. */
	migrate?: boolean;
}

export interface OpenDatabase {
	db: Db;
	engine: Engine;
	/** Ends every connection (and releases the SQLite data folder's lock). */
	close(): Promise<void>;
}

/** The SQLite file's name inside the data folder. */
export const SQLITE_FILE = 'qiraa.sqlite';

// How long a query waits for SQLite's lock. With one exclusive connection nothing else should
// hold it, so this only covers the checkpointer; the open itself never waits (see below).
const BUSY_TIMEOUT_MS = 5000;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Another process already has this data folder's database open. */
export class DatabaseLockedError extends Error {
	constructor(readonly dataDir: string) {
		super(
			`The database in ${dataDir} is in use by another Qiraa process. ` +
				'Stop that server first, or give this one its own DATA_DIR.'
		);
		this.name = 'DatabaseLockedError';
	}
}

function isBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function openSqlite(dataDir: string): Kysely<Database> {
	mkdirSync(dataDir, { recursive: true });
	const database = new SQLite(path.join(dataDir, SQLITE_FILE));
	try {
		// EXCLUSIVE locking keeps the file lock from the first write until close, so a second
		// server on the same folder cannot interleave writes with ours; the operating system drops
		// the lock if this process dies, so a crash leaves no stale lock behind. The busy timeout
		// is 0 while taking it so that a second process fails at once instead of waiting.
		database.pragma('busy_timeout = 0');
		database.pragma('locking_mode = EXCLUSIVE');
		database.pragma('journal_mode = WAL');
		database.exec('BEGIN IMMEDIATE; COMMIT;');
	} catch (error) {
		database.close();
		if (isBusy(error)) throw new DatabaseLockedError(path.resolve(dataDir));
		throw error;
	}
	// FULL: an answer the server has acknowledged must survive a power cut, since the device
	// deletes it from its outbox on that acknowledgement.
	database.pragma('synchronous = FULL');
	database.pragma('foreign_keys = ON');
	// Deleted rows are overwritten with zeros rather than left in free pages: a deleted class or
	// student must not stay readable in the file (design §7). Costs a little I/O on deletes.
	database.pragma('secure_delete = ON');
	database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	return new Kysely<Database>({
		dialect: new SqliteDialect({ database: reusingStatements(database) })
	});
}

// Statements kept per SQL text; past this many (queries with a varying number of parameters each
// make their own text), the cache starts over.
const STATEMENT_CACHE_LIMIT = 500;

/**
 * The database with its prepared statements reused. Kysely prepares every query anew, and under a
 * sync load preparing was a tenth of the server's time (the same few queries, thousands of times a
 * second). Reuse is safe: Kysely runs one query at a time on SQLite's single connection.
 */
function reusingStatements(database: SQLite.Database): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => database.close(),
		prepare(sqlText: string) {
			let statement = statements.get(sqlText);
			if (statement === undefined) {
				if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
				statement = database.prepare(sqlText);
				statements.set(sqlText, statement);
			}
			return statement;
		}
	};
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Counts (int8) and averages (numeric) arrive from pg as strings by default; SQLite gives
// numbers. Parsing them here, per pool rather than in pg's global registry, keeps the services'
// types honest on both engines. Our counts stay far below 2^53.
function pgTypes(types: typeof pg.types) {
	return {
		getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
			if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
			return types.getTypeParser(oid, format);
		}) as typeof pg.types.getTypeParser
	};
}

async function openPostgres(databaseUrl: string, schema?: string): Promise<Kysely<Database>> {
	if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
		throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
	}
	// Loaded only for PostgreSQL: about 80 ms of a SQLite server's start went to loading pg.
	const { default: postgres } = await import('pg');
	const pool = new postgres.Pool({
		connectionString: databaseUrl,
		types: pgTypes(postgres.types),
		options: schema === undefined ? undefined : `-c search_path=${schema}`
	});
	// An idle connection that breaks (the server restarts) is dropped by the pool and the next
	// query opens a new one; without a listener the 'error' event would crash the process.
	pool.on('error', () => {});
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	try {
		if (schema !== undefined) {
			// Two instances starting together can both get past IF NOT EXISTS; one then loses the
			// race on the catalogue's unique index, which is fine: the schema is there.
			await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch((error) => {
				if (!isUniqueViolation(error)) throw error;
			});
		} else {
			await sql`select 1`.execute(db);
		}
	} catch (error) {
		await db.destroy();
		throw error;
	}
	return db;
}

/**
 * Brings the schema up to the latest migration. Safe to call from several processes at once:
 * Kysely's Migrator takes a lock (an advisory lock on PostgreSQL; SQLite has one connection).
 *
 * @param schema PostgreSQL only: the schema that `openDatabase`'s `schema` option put the tables in
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: migrationProvider,
		...(schema === undefined ? {} : { migrationTableSchema: schema })
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error !== undefined) {
		const failed = results?.find((result) => result.status === 'Error')?.migrationName;
		throw new Error(`Database migration ${failed ?? '(unknown)'} failed`, { cause: error });
	}
}

// The schema our tables go in on PostgreSQL: the one asked for, else the first on the
// search_path. Named explicitly because Kysely's Migrator otherwise accepts its bookkeeping
// tables from any schema in the database, such as another app's.
async function tableSchema(db: Db, options: OpenOptions): Promise<string | undefined> {
	if (options.schema !== undefined) return options.schema;
	const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
		db
	);
	return result.rows[0]?.schema ?? undefined;
}

/**
 * Opens the database and, unless `migrate: false`, runs the migrations.
 *
 * SQLite (the default) lives in `<dataDir>/qiraa.sqlite` with WAL, synchronous=FULL and foreign
 * keys on, and is locked for this process alone: a second process opening the same folder gets a
 * `DatabaseLockedError` at once. With `databaseUrl`, a PostgreSQL pool is used instead.
 *
 * @throws DatabaseLockedError when another process has the SQLite folder open
 */
export async function openDatabase(options: OpenOptions = {}): Promise<OpenDatabase> {
	const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite';
	const db =
		engine === 'postgres'
			? await openPostgres(options.databaseUrl ?? '', options.schema)
			: openSqlite(options.dataDir ?? './data');
	if (options.migrate !== false) {
		try {
			await migrateToLatest(db, engine === 'postgres' ? await tableSchema(db, options) : undefined);
		} catch (error) {
			await db.destroy();
			throw error;
		}
	}
	return { db, engine, close: () => db.destroy() };
}
