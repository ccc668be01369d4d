/**
 * Drafts on both engines: created, read and listed only by their teacher, saved against the
 * revision they were based on (a stale save is refused with the current draft, and of two racing
 * saves exactly one wins), and published through the lesson store only when they compile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import {
	createDraft,
	deleteDraft,
	draftTitle,
	getDraft,
	listDrafts,
	publishDraft,
	saveDraft,
	StaleDraftError
} from './drafts';
import { InvalidLessonError, NotFoundError, PayloadTooLargeError, RefusedError } from './errors';
import { getLesson, importLesson } from './lessons';
import { makeTeacher } from './services.fixture';

const TINY = {
	article: readFileSync('tests/fixtures/lessons/valid/tiny/article.ar.txt', 'utf8'),
	lesson: readFileSync('tests/fixtures/lessons/valid/tiny/lesson.yaml', 'utf8')
};
const as = (id: string) => ({ ...TINY, lesson: TINY.lesson.replace(/^id: tiny$/m, `id: ${id}`) });

describe.each(ENGINES)('drafts on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('creates, reads and lists a teacher’s own drafts only', async () => {
		const teacher = await makeTeacher(db());
		const other = await makeTeacher(db());
		const first = await createDraft(db(), teacher.id, as('draft-one'), new Date('2026-01-01'));
		const second = await createDraft(db(), teacher.id, TINY, new Date('2026-01-02'));
		expect(first.revision).toBe(1);
		expect(await getDraft(db(), teacher.id, first.id)).toEqual(first);
		await expect(getDraft(db(), other.id, first.id)).rejects.toBeInstanceOf(NotFoundError);
		const list = await listDrafts(db(), teacher.id);
		expect(list.map((d) => d.id)).toEqual([second.id, first.id]);
		expect(list[0]!.title).toEqual({ ar: 'قرار المجلس', en: "The council's decision" });
		expect(await listDrafts(db(), other.id)).toEqual([]);
	});

	it('refuses a body without the two files, and a file over the limit', async () => {
		const teacher = await makeTeacher(db());
		await expect(createDraft(db(), teacher.id, { article: 'x' })).rejects.toMatchObject({
			code: 'invalid-body'
		});
		await expect(
			createDraft(db(), teacher.id, { article: 'ب'.repeat(140_000), lesson: '' })
		).rejects.toBeInstanceOf(PayloadTooLargeError);
	});

	it('saves against the current revision and refuses a stale one with the current draft', async () => {
		const teacher = await makeTeacher(db());
		const draft = await createDraft(db(), teacher.id, TINY);
		const saved = await saveDraft(db(), teacher.id, draft.id, {
			...TINY,
			lesson: TINY.lesson + '\n# tab one\n',
			revision: 1
		});
		expect(saved.revision).toBe(2);
		const stale = saveDraft(db(), teacher.id, draft.id, {
			...TINY,
			lesson: TINY.lesson + '\n# tab two\n',
			revision: 1
		});
		await expect(stale).rejects.toBeInstanceOf(StaleDraftError);
		const error = (await stale.catch((e: unknown) => e)) as StaleDraftError;
		expect(error.status).toBe(409);
		expect(error.current.lesson).toContain('# tab one');
		expect(error.current.revision).toBe(2);
		expect((await getDraft(db(), teacher.id, draft.id)).lesson).toContain('# tab one');
		await expect(
			saveDraft(db(), teacher.id, draft.id, { ...TINY, revision: '2' })
		).rejects.toMatchObject({ code: 'invalid-body' });
	});

	it('lets exactly one of two racing saves of one revision win', async () => {
		const teacher = await makeTeacher(db());
		const draft = await createDraft(db(), teacher.id, TINY);
		const results = await Promise.allSettled(
			['a', 'b'].map((tab) =>
				saveDraft(db(), teacher.id, draft.id, { ...TINY, lesson: `# ${tab}\n`, revision: 1 })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(lost.reason).toBeInstanceOf(StaleDraftError);
	});

	it('saves and deletes only the teacher’s own drafts', async () => {
		const teacher = await makeTeacher(db());
		const other = await makeTeacher(db());
		const draft = await createDraft(db(), teacher.id, TINY);
		await expect(
			saveDraft(db(), other.id, draft.id, { ...TINY, revision: 1 })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteDraft(db(), other.id, draft.id)).rejects.toBeInstanceOf(NotFoundError);
		await deleteDraft(db(), teacher.id, draft.id);
		await expect(getDraft(db(), teacher.id, draft.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('publishes a draft that compiles as a new lesson, then as a new version', async () => {
		const teacher = await makeTeacher(db());
		const draft = await createDraft(db(), teacher.id, as('draft-published'));
		const first = await publishDraft(db(), teacher.id, draft.id, 1);
		expect(first).toMatchObject({ id: 'draft-published', created: true });
		expect((await getLesson(db(), 'draft-published'))?.version).toBe(first.version);
		const changed = as('draft-published');
		changed.lesson = changed.lesson.replace('en: "The council\'s decision"', 'en: "A decision"');
		await saveDraft(db(), teacher.id, draft.id, { ...changed, revision: 1 });
		const second = await publishDraft(db(), teacher.id, draft.id, 2);
		expect(second.created).toBe(true);
		expect(second.version).not.toBe(first.version);
		expect((await getLesson(db(), 'draft-published'))?.title.en).toBe('A decision');
		expect(await getDraft(db(), teacher.id, draft.id)).toMatchObject({ revision: 2 });
	});

	it('publishes nothing from a draft with problems, a stale revision or a taken id', async () => {
		const teacher = await makeTeacher(db());
		const broken = await createDraft(db(), teacher.id, {
			...as('draft-broken'),
			lesson: as('draft-broken').lesson.replace(/^level: B1$/m, 'level: Z9')
		});
		const refused = await publishDraft(db(), teacher.id, broken.id, 1).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(InvalidLessonError);
		expect((refused as InvalidLessonError).problems[0]).toMatchObject({ file: 'lesson.yaml' });
		expect(await getLesson(db(), 'draft-broken')).toBeUndefined();

		const draft = await createDraft(db(), teacher.id, as('draft-stale'));
		await expect(publishDraft(db(), teacher.id, draft.id, 0)).rejects.toBeInstanceOf(
			StaleDraftError
		);
		expect(await getLesson(db(), 'draft-stale')).toBeUndefined();

		const owner = await makeTeacher(db());
		await importLesson(db(), owner.id, as('draft-taken'));
		const copy = await createDraft(db(), teacher.id, as('draft-taken'));
		await expect(publishDraft(db(), teacher.id, copy.id, 1)).rejects.toBeInstanceOf(RefusedError);
	});
});

describe('draftTitle', () => {
	it('reads the title, or empty texts from YAML without one', () => {
		expect(draftTitle('title: { ar: عنوان, en: A title }')).toEqual({ ar: 'عنوان', en: 'A title' });
		expect(draftTitle('id: [')).toEqual({ ar: '', en: '' });
		expect(draftTitle('title: 3')).toEqual({ ar: '', en: '' });
	});
});
