/**
 * The lesson store on both engines: shipped lessons synced from folders (compiled once, cached by
 * their files' hash, invalid ones refused whole), imports (stored whole or not at all, ids
 * guarded, new versions on change), visibility, the library's search and paging, and grading
 * against the version an answer was given to.
 */
import {
	cpSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LessonError } from '$lib/lesson';
import { assignLessons } from './assignments';
import { ENGINES, useTestDatabaseWith } from './db/engines.fixture';
import { RefusedError } from './errors';
import {
	findLessons,
	getLesson,
	getLessonVersion,
	importedBy,
	importLesson,
	InvalidLessonError,
	KEEP_REPLACED_DAYS,
	lessonFiles,
	lessonsForTeacher,
	PAGE_SIZE,
	setShared,
	unusableLessons
} from './lessons';
import { attempt, makeClass, makeTeacher } from './services.fixture';
import { fileStamp, syncShippedLessons } from './shipped-lessons';
import { syncAttempts } from './sync';

const VALID = 'tests/fixtures/lessons/valid';

function files(dir: string) {
	return {
		lesson: readFileSync(path.join(VALID, dir, 'lesson.yaml'), 'utf8'),
		article: readFileSync(path.join(VALID, dir, 'article.ar.txt'), 'utf8')
	};
}

/** The tiny lesson under another id, with its title changed to `title` (English). */
function tinyAs(id: string, title = 'Tiny council vote') {
	const { lesson, article } = files('tiny');
	return {
		article,
		lesson: lesson
			.replace(/^id: tiny$/m, `id: ${id}`)
			.replace(/^(title: \{ ar: "[^"]*", en: )"[^"]*"/m, (_, lead: string) => `${lead}"${title}"`)
	};
}

const folders: string[] = [];
/** A folder of shipped lessons: copies of the valid fixtures named in `dirs`. */
function shippedFolder(dirs: string[]): string {
	const root = mkdtempSync(path.join(tmpdir(), 'qiraa-shipped-'));
	folders.push(root);
	for (const dir of dirs) cpSync(path.join(VALID, dir), path.join(root, dir), { recursive: true });
	return root;
}
afterAll(() => {
	for (const root of folders) rmSync(root, { recursive: true, force: true });
});

describe.each(ENGINES)('the lesson store on %s', (engine) => {
	const { db } = useTestDatabaseWith(engine);

	describe('shipped lessons', () => {
		it('compiles new lessons once, then only changed ones, and retires removed ones', async () => {
			const root = shippedFolder(['tiny', 'blank-line-paragraphs']);
			expect(await syncShippedLessons(db(), root, root)).toEqual({
				total: 2,
				compiled: 2,
				retired: 0
			});
			const tiny = await getLesson(db(), 'tiny');
			expect(tiny?.questions.map((q) => q.id)).toContain('vote-count');
			// Unchanged files: nothing compiled.
			expect(await syncShippedLessons(db(), root, root)).toMatchObject({ compiled: 0 });
			// A changed file: a new version; the old one is kept a while for phones that have it.
			const yamlPath = path.join(root, 'tiny', 'lesson.yaml');
			writeFileSync(
				yamlPath,
				readFileSync(yamlPath, 'utf8').replace(
					/^(title: \{ ar: "[^"]*", en: )"[^"]*"/m,
					'$1"Tiny, revised"'
				)
			);
			expect(await syncShippedLessons(db(), root, root)).toMatchObject({ compiled: 1 });
			const revised = await getLesson(db(), 'tiny');
			expect(revised?.title.en).toBe('Tiny, revised');
			expect(revised?.version).not.toBe(tiny?.version);
			expect(await getLessonVersion(db(), 'tiny', tiny!.version)).toBeDefined();
			// A folder removed: kept (for answers), no longer listed.
			rmSync(path.join(root, 'blank-line-paragraphs'), { recursive: true });
			expect(await syncShippedLessons(db(), root, root)).toMatchObject({ retired: 1 });
			expect((await findLessons(db())).lessons.map((l) => l.id)).toEqual(['tiny']);
			expect(await getLesson(db(), 'blank-line-paragraphs')).toBeDefined();
		});

		it('skips reading files stat sees unchanged, yet sees an edit that kept size and mtime', async () => {
			const root = shippedFolder(['tiny']);
			const dir = path.join(root, 'tiny');
			const stamp = async () =>
				(
					await db()
						.selectFrom('lessons')
						.select(['source_stat', 'updated_at'])
						.where('id', '=', 'tiny')
						.executeTakeFirstOrThrow()
				).source_stat;
			await syncShippedLessons(db(), root, root);
			expect(await stamp()).toBe(fileStamp(dir));
			// Touched, not changed: hashed again, not compiled, and the new stamp kept for next time.
			const yamlPath = path.join(dir, 'lesson.yaml');
			const later = new Date(Date.now() + 60_000);
			utimesSync(yamlPath, later, later);
			expect(await syncShippedLessons(db(), root, root)).toMatchObject({ compiled: 0 });
			expect(await stamp()).toBe(fileStamp(dir));
			// The same size, the old modification time put back: the change time still differs.
			const before = statSync(yamlPath);
			const yaml = readFileSync(yamlPath, 'utf8');
			writeFileSync(yamlPath, yaml.replace("The council's decision", "The council's DECISION"));
			utimesSync(yamlPath, before.atime, before.mtime);
			expect(statSync(yamlPath).size).toBe(before.size);
			expect(await syncShippedLessons(db(), root, root)).toMatchObject({ compiled: 1 });
			expect((await getLesson(db(), 'tiny'))?.title.en).toBe("The council's DECISION");
			expect(fileStamp(path.join(root, 'nowhere'))).toBeNull();
		});

		it('stops with every problem, path:line:col, and stores nothing of that start', async () => {
			const root = shippedFolder(['tiny']);
			cpSync('tests/fixtures/lessons/invalid/missing-translation', path.join(root, 'broken'), {
				recursive: true
			});
			writeFileSync(path.join(root, 'tiny', 'lesson.yaml'), files('tiny').lesson + '\n# edit\n');
			const error = await syncShippedLessons(db(), root, root).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(LessonError);
			expect((error as LessonError).message).toMatch(/^broken\/lesson\.yaml:\d+:\d+: /m);
			// The valid edit of tiny was not stored either: all or nothing.
			const stored = await db()
				.selectFrom('lessons')
				.select('source_hash')
				.where('id', '=', 'tiny')
				.executeTakeFirstOrThrow();
			const { sourceHash } = await import('./lessons');
			expect(stored.source_hash).not.toBe(
				sourceHash(files('tiny').lesson + '\n# edit\n', files('tiny').article)
			);
		});
	});

	describe('imports', () => {
		it('stores the two files byte for byte and answers 201-style with id and version', async () => {
			const teacher = await makeTeacher(db());
			const body = { ...tinyAs('imported-one'), article: files('with-bom-crlf').article };
			body.lesson = files('with-bom-crlf').lesson.replace(/id: [a-z-]+/, 'id: imported-one');
			const result = await importLesson(db(), teacher.id, body);
			expect(result).toMatchObject({ id: 'imported-one', created: true });
			expect(await lessonFiles(db(), teacher.id, 'imported-one')).toEqual(body);
			expect((await getLesson(db(), 'imported-one'))?.version).toBe(result.version);
			// The same files again change nothing.
			expect(await importLesson(db(), teacher.id, body)).toEqual({ ...result, created: false });
		});

		it('stores an edit of your own lesson as a new version, created like the first', async () => {
			const teacher = await makeTeacher(db());
			const first = await importLesson(db(), teacher.id, tinyAs('edited-one'));
			const second = await importLesson(db(), teacher.id, tinyAs('edited-one', 'Edited title'));
			expect(second).toMatchObject({ id: 'edited-one', created: true });
			expect(second.version).not.toBe(first.version);
			expect((await getLesson(db(), 'edited-one'))?.title.en).toBe('Edited title');
		});

		it('refuses a lesson with problems, with the compiler lines, and stores nothing', async () => {
			const teacher = await makeTeacher(db());
			const bad = tinyAs('imported-bad');
			bad.lesson = bad.lesson.replace(/paragraph: 0/, 'paragraph: 99');
			const error = await importLesson(db(), teacher.id, bad).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InvalidLessonError);
			const problems = (error as InvalidLessonError).problems;
			expect(problems.length).toBeGreaterThan(0);
			expect(problems[0]).toMatchObject({ file: 'lesson.yaml' });
			expect(problems[0]!.line).toBeGreaterThan(1);
			expect(await getLesson(db(), 'imported-bad')).toBeUndefined();
			await expect(importLesson(db(), teacher.id, { lesson: 3 })).rejects.toMatchObject({
				code: 'invalid-body'
			});
		});

		it("refuses to replace a shipped lesson or another teacher's", async () => {
			const [ana, ben] = [await makeTeacher(db()), await makeTeacher(db())];
			await importLesson(db(), ana.id, tinyAs('anas-lesson'));
			for (const [teacher, id] of [
				[ben.id, 'anas-lesson'],
				[ana.id, 'tiny']
			] as const) {
				const error = await importLesson(db(), teacher, tinyAs(id, 'Taken over')).catch(
					(e: unknown) => e
				);
				expect(error).toBeInstanceOf(RefusedError);
				expect(error).toMatchObject({ code: 'lesson-taken', status: 403 });
			}
			expect((await getLesson(db(), 'anas-lesson'))?.title.en).toBe('Tiny council vote');
		});

		it('shows an import to its owner, and to every teacher once shared', async () => {
			const [ana, ben] = [await makeTeacher(db()), await makeTeacher(db())];
			await importLesson(db(), ana.id, tinyAs('ana-private'));
			const ids = async (teacherId: string) =>
				(await lessonsForTeacher(db(), teacherId)).lessons.map((l) => l.id);
			expect(await ids(ana.id)).toContain('ana-private');
			expect(await ids(ben.id)).not.toContain('ana-private');
			expect(await unusableLessons(db(), ben.id, ['ana-private', 'tiny'])).toEqual(['ana-private']);
			await expect(lessonFiles(db(), ben.id, 'ana-private')).rejects.toMatchObject({
				status: 404
			});
			expect(
				(await findLessons(db(), { query: 'council' })).lessons.map((l) => l.id)
			).not.toContain('ana-private');
			await setShared(db(), ana.id, 'ana-private', true);
			expect(await ids(ben.id)).toContain('ana-private');
			expect((await findLessons(db(), { query: 'council' })).lessons.map((l) => l.id)).toContain(
				'ana-private'
			);
			await expect(setShared(db(), ben.id, 'ana-private', false)).rejects.toMatchObject({
				status: 404
			});
			await setShared(db(), ana.id, 'ana-private', false);
			expect(await ids(ben.id)).not.toContain('ana-private');
			expect((await importedBy(db(), ana.id)).map((l) => [l.id, l.shared])).toContainEqual([
				'ana-private',
				false
			]);
		});
	});

	describe('versions', () => {
		it('grades each answer against the version it was given to, and keeps that version', async () => {
			const { teacherId, classInfo, joined } = await makeClass(db(), ['Huda']);
			const [huda] = joined;
			await importLesson(db(), teacherId, tinyAs('versioned'));
			await assignLessons(db(), teacherId, classInfo.id, ['versioned']);
			const first = (await getLesson(db(), 'versioned'))!;
			const vote = first.questions.find((q) => q.id === 'vote-count')!;
			const right = vote.type === 'choice' ? vote.choices.findIndex((c) => c.correct) : -1;
			// The teacher changes which choice is right: a new version.
			const edited = tinyAs('versioned');
			edited.lesson = moveCorrectChoice(edited.lesson);
			const second = await importLesson(db(), teacherId, edited);
			expect(second.version).not.toBe(first.version);
			// Answered on a phone still showing the first version: right by that version.
			const old = {
				...attempt('versioned', 'vote-count', { type: 'choice', choice: right }),
				lessonVersion: first.version
			};
			// The same choice on the new version is wrong.
			const now = {
				...attempt('versioned', 'vote-count', { type: 'choice', choice: right }),
				lessonVersion: second.version
			};
			const { results } = await syncAttempts(db(), huda?.token, { attempts: [old, now] });
			expect(results.map((r) => [r.status, r.correct])).toEqual([
				['stored', true],
				['stored', false]
			]);
			const rows = await db()
				.selectFrom('attempts')
				.select(['id', 'lesson_version'])
				.where('lesson_id', '=', 'versioned')
				.execute();
			expect(new Map(rows.map((r) => [r.id, r.lesson_version]))).toEqual(
				new Map([
					[old.id, first.version],
					[now.id, second.version]
				])
			);
			// Answered versions stay; one nobody answered goes once replaced for KEEP_REPLACED_DAYS.
			const third = await importLesson(db(), teacherId, tinyAs('versioned', 'Third edit'));
			await importLesson(db(), teacherId, tinyAs('versioned', 'Fourth edit'));
			expect(await getLessonVersion(db(), 'versioned', third.version)).toBeDefined();
			const later = new Date(Date.now() + (KEEP_REPLACED_DAYS + 1) * 86_400_000);
			await importLesson(db(), teacherId, tinyAs('versioned', 'Fifth edit'), { now: later });
			expect(await getLessonVersion(db(), 'versioned', first.version)).toBeDefined();
			expect(await getLessonVersion(db(), 'versioned', second.version)).toBeDefined();
			expect(await getLessonVersion(db(), 'versioned', third.version)).toBeUndefined();
			// An answer naming a version that is gone is graded on the current one, and says so.
			const late = {
				...attempt('versioned', 'vote-count', { type: 'choice', choice: right }),
				lessonVersion: third.version
			};
			const [graded] = (await syncAttempts(db(), huda?.token, { attempts: [late] })).results;
			expect(graded).toMatchObject({ status: 'stored', correct: true });
			const current = (await getLesson(db(), 'versioned'))!.version;
			const stored = await db()
				.selectFrom('attempts')
				.select('lesson_version')
				.where('id', '=', late.id)
				.executeTakeFirstOrThrow();
			expect(stored.lesson_version).toBe(current);
		});
	});

	describe('the library', () => {
		it('pages, searches titles in both languages, and filters by level and genre', async () => {
			const teacher = await makeTeacher(db());
			const count = PAGE_SIZE + 5;
			for (let i = 0; i < count; i++) {
				const lesson = tinyAs(`paged-${String(i).padStart(2, '0')}`, `Paged lesson ${i}`);
				await importLesson(db(), teacher.id, lesson);
				await setShared(db(), teacher.id, `paged-${String(i).padStart(2, '0')}`, true);
			}
			const first = await findLessons(db(), { query: 'paged lesson' });
			expect(first.total).toBe(count);
			expect(first.lessons).toHaveLength(PAGE_SIZE);
			expect(first.pageCount).toBe(2);
			const second = await findLessons(db(), { query: 'PAGED LESSON', page: 2 });
			expect(second.lessons).toHaveLength(5);
			expect(new Set([...first.lessons, ...second.lessons].map((l) => l.id)).size).toBe(count);
			// Arabic, with and without diacritics and alef forms folded.
			const arabicTitle = first.lessons[0]!.title.ar;
			const word = arabicTitle.split(' ')[0]!;
			expect((await findLessons(db(), { query: word })).total).toBeGreaterThanOrEqual(count);
			expect(
				(await findLessons(db(), { query: 'paged lesson 7' })).lessons.map((l) => l.id)
			).toEqual(['paged-07']);
			expect((await findLessons(db(), { query: 'no such title' })).total).toBe(0);
			const genre = first.lessons[0]!.source.genre;
			expect((await findLessons(db(), { query: 'paged', genre })).total).toBe(count);
			const other = genre === 'news' ? 'opinion' : 'news';
			expect((await findLessons(db(), { query: 'paged', genre: other })).total).toBe(0);
			const level = first.lessons[0]!.level;
			const otherLevel = level === 'C2' ? 'A2' : 'C2';
			expect((await findLessons(db(), { query: 'paged', level: otherLevel })).total).toBe(0);
			// A page past the end is the last page.
			expect((await findLessons(db(), { query: 'paged', page: 99 })).page).toBe(2);
		});

		it("pages and searches a teacher's assignable lessons as the library, their own included", async () => {
			const [owner, other] = [await makeTeacher(db()), await makeTeacher(db())];
			const count = PAGE_SIZE + 3;
			for (let i = 0; i < count; i++) {
				await importLesson(
					db(),
					owner.id,
					tinyAs(`mine-${String(i).padStart(2, '0')}`, `Mine ${i}`)
				);
			}
			const first = await lessonsForTeacher(db(), owner.id, { query: 'mine' });
			expect(first).toMatchObject({ total: count, page: 1, pageCount: 2 });
			expect(first.lessons).toHaveLength(PAGE_SIZE);
			expect(first.lessons.every((lesson) => lesson.mine && !lesson.shared)).toBe(true);
			const second = await lessonsForTeacher(db(), owner.id, { query: 'MINE', page: 5 });
			expect(second.page).toBe(2);
			expect(second.lessons.map((l) => l.id)).toEqual(['mine-20', 'mine-21', 'mine-22']);
			expect(
				(await lessonsForTeacher(db(), owner.id, { query: 'mine 7' })).lessons.map((l) => l.id)
			).toEqual(['mine-07']);
			const genre = first.lessons[0]!.source.genre;
			const otherGenre = genre === 'news' ? 'opinion' : 'news';
			expect((await lessonsForTeacher(db(), owner.id, { query: 'mine', genre })).total).toBe(count);
			expect(
				(await lessonsForTeacher(db(), owner.id, { query: 'mine', genre: otherGenre })).total
			).toBe(0);
			// Another teacher sees none of them until they are shared.
			expect((await lessonsForTeacher(db(), other.id, { query: 'mine' })).total).toBe(0);
			await setShared(db(), owner.id, 'mine-03', true);
			const shared = await lessonsForTeacher(db(), other.id, { query: 'mine' });
			expect(shared.lessons.map((l) => [l.id, l.mine, l.shared])).toEqual([
				['mine-03', false, true]
			]);
		});
	});
});

/** The tiny lesson with its first choice question's right answer moved to another choice. */
function moveCorrectChoice(yaml: string): string {
	const start = yaml.indexOf('id: vote-count');
	const end = yaml.indexOf('explain:', start);
	const block = yaml.slice(start, end);
	const lines = block.split('\n');
	const choices = lines.filter((line) => /^\s*-\s*\{/.test(line));
	const right = choices.find((line) => /correct:\s*true/.test(line));
	const wrong = choices.find((line) => !/correct:\s*true/.test(line));
	if (!right || !wrong) throw new Error('The tiny lesson changed shape: update moveCorrectChoice');
	const moved = block
		.replace(right, right.replace(/,\s*correct:\s*true/, ''))
		.replace(wrong, wrong.replace(/\s*\}\s*$/, ', correct: true }'));
	return yaml.slice(0, start) + moved + yaml.slice(end);
}
