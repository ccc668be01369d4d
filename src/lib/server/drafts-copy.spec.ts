/**
 * Trying and adapting lessons on both engines: a draft previewed as a student gets it (or its
 * problems), any lesson a teacher may see copied into a draft of their own under an id no lesson
 * or draft has, and a lesson's .zip read back by the import exactly as it was stored.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import {
	copyIds,
	copyLessonToDraft,
	createDraft,
	getDraft,
	previewDraft,
	publishDraft,
	withLessonId
} from './drafts';
import { NotFoundError } from './errors';
import { lessonZip } from './lesson-download';
import { readZip } from './lesson-upload';
import { getLesson, importLesson, lessonFiles, setShared } from './lessons';
import { makeTeacher } from './services.fixture';
import { syncShippedLessons } from './shipped-lessons';

const VALID = 'tests/fixtures/lessons/valid';
const TINY = {
	article: readFileSync(`${VALID}/tiny/article.ar.txt`, 'utf8'),
	lesson: readFileSync(`${VALID}/tiny/lesson.yaml`, 'utf8')
};
const as = (id: string) => ({ ...TINY, lesson: TINY.lesson.replace(/^id: tiny$/m, `id: ${id}`) });

const root = mkdtempSync(path.join(tmpdir(), 'qiraa-shipped-'));
cpSync(path.join(VALID, 'tiny'), path.join(root, 'tiny'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('copy ids', () => {
	it('offers -copy, then numbered copies, never longer than an id may be', () => {
		expect(copyIds('basra').slice(0, 3)).toEqual(['basra-copy', 'basra-copy-2', 'basra-copy-3']);
		// A copy of a copy is offered the original's next copy, not `-copy-copy`.
		expect(copyIds('basra-copy-2')[0]).toBe('basra-copy');
		const long = copyIds('a'.repeat(60) + '-bcd');
		expect(long.every((id) => id.length <= 64 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toBe(true);
	});

	it('rewrites only the id line, or the whole document when the id is not on one', () => {
		const edited = withLessonId(TINY.lesson, 'tiny-copy');
		expect(edited).toBe(TINY.lesson.replace(/^id: tiny$/m, 'id: tiny-copy'));
		expect(withLessonId('id: "tiny" # quoted\ntitle: x\n', 'tiny-copy')).toBe(
			'id: tiny-copy # quoted\ntitle: x\n'
		);
		expect(parse(withLessonId('{ id: tiny, title: x }', 'tiny-copy'))).toEqual({
			id: 'tiny-copy',
			title: 'x'
		});
	});
});

describe.each(ENGINES)('preview, copy and download on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('previews a draft that compiles as the lesson, and one that does not as its problems', async () => {
		const teacher = await makeTeacher(db());
		const other = await makeTeacher(db());
		const good = await createDraft(db(), teacher.id, as('preview-good'));
		const preview = await previewDraft(db(), teacher.id, good.id);
		expect(preview.lesson?.id).toBe('preview-good');
		expect(preview.lesson?.questions.length).toBeGreaterThan(0);
		// A preview stores nothing: the lesson is not in the store.
		expect(await getLesson(db(), 'preview-good')).toBeUndefined();

		const broken = await createDraft(db(), teacher.id, {
			...as('preview-broken'),
			lesson: as('preview-broken').lesson.replace(/^level: B1$/m, 'level: Z9')
		});
		const problems = await previewDraft(db(), teacher.id, broken.id);
		expect(problems.lesson).toBeUndefined();
		expect(problems.problems?.[0]).toMatchObject({ file: 'lesson.yaml' });
		await expect(previewDraft(db(), other.id, good.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('copies a shipped lesson into a new draft whose id collides with nothing', async () => {
		await syncShippedLessons(db(), root, root);
		const teacher = await makeTeacher(db());
		const first = await copyLessonToDraft(db(), teacher.id, 'tiny');
		expect(first.article).toBe(TINY.article);
		expect(first.lesson).toBe(TINY.lesson.replace(/^id: tiny$/m, 'id: tiny-copy'));
		expect((await getDraft(db(), teacher.id, first.id)).revision).toBe(1);
		// A second copy, while the first is a draft, gets the next id.
		const second = await copyLessonToDraft(db(), teacher.id, 'tiny');
		expect(second.lesson).toMatch(/^id: tiny-copy-2$/m);
		// A lesson published under an offered id takes it out of the offer for everyone.
		await publishDraft(db(), teacher.id, first.id, 1);
		const colleague = await makeTeacher(db());
		const third = await copyLessonToDraft(db(), colleague.id, 'tiny');
		expect(third.lesson).toMatch(/^id: tiny-copy-2$/m);
		// The original is untouched, and the copy publishes as a lesson of its own.
		expect((await getLesson(db(), 'tiny'))?.id).toBe('tiny');
		expect(await publishDraft(db(), colleague.id, third.id, 1)).toMatchObject({
			id: 'tiny-copy-2',
			created: true
		});
	});

	it('copies a shared lesson, but not another teacher’s private one', async () => {
		const owner = await makeTeacher(db());
		const teacher = await makeTeacher(db());
		await importLesson(db(), owner.id, as('kept-private'));
		await importLesson(db(), owner.id, as('shared-out'));
		await setShared(db(), owner.id, 'shared-out', true);
		await expect(copyLessonToDraft(db(), teacher.id, 'kept-private')).rejects.toMatchObject({
			status: 404
		});
		await expect(copyLessonToDraft(db(), teacher.id, 'no-such-lesson')).rejects.toMatchObject({
			status: 404
		});
		const copy = await copyLessonToDraft(db(), teacher.id, 'shared-out');
		expect(copy.lesson).toMatch(/^id: shared-out-copy$/m);
		// The owner may copy their own too.
		const own = await copyLessonToDraft(db(), owner.id, 'kept-private');
		expect(own.lesson).toMatch(/^id: kept-private-copy$/m);
	});

	it('downloads a lesson as a .zip the import reads back unchanged', async () => {
		await syncShippedLessons(db(), root, root);
		const teacher = await makeTeacher(db());
		const shipped = await lessonFiles(db(), teacher.id, 'tiny');
		const read = readZip('tiny.zip', lessonZip('tiny', shipped));
		expect(read.files).toEqual(shipped);
		expect(read.dir).toBe('tiny');

		const imported = await importLesson(db(), teacher.id, as('round-trip'));
		const zip = lessonZip('round-trip', await lessonFiles(db(), teacher.id, 'round-trip'));
		const back = readZip('round-trip.zip', zip);
		expect(back.files).toEqual(as('round-trip'));
		// Imported again, it is the very same version: nothing changed on the way.
		expect(
			await importLesson(db(), teacher.id, back.files, { dir: back.dir, paths: back.paths })
		).toEqual({ ...imported, created: false });
	});
});

describe('lessonZip', () => {
	it('holds the two files in the lesson’s folder and nothing else', () => {
		const entries = unzipSync(lessonZip('tiny', TINY));
		expect(Object.keys(entries).sort()).toEqual(['tiny/article.ar.txt', 'tiny/lesson.yaml']);
	});
});
