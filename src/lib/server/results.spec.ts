import { describe, expect, it, vi } from 'vitest';
import { clozeBank, type ClozeQuestion } from '$lib/quiz';
import { TINY } from '$lib/server/lessons.fixture';
import { assignLessons } from './assignments';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { ForbiddenError, NotFoundError } from './errors';
import { assignmentResults, classOverview, studentHistory } from './results';
import { assignmentCsv, classCsv } from './results-csv';
import { attempt, makeClass, makeTeacher } from './services.fixture';
import { syncAttempts } from './sync';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

const gap = TINY.questions.find((q) => q.id === 'gap') as ClozeQuestion;
const keep = clozeBank(gap).findIndex((word) => word.en === 'keep');

const RIGHT: Record<string, unknown> = {
	'vote-count': { type: 'choice', choice: 0 },
	'who-spoke': { type: 'multi', choices: [0, 1] },
	final: { type: 'truefalse', value: 'true' },
	'how-many': { type: 'short', text: '26', lang: 'en' },
	sequence: { type: 'order', order: [0, 1, 2] },
	'who-said': { type: 'match', pairs: [0, 1, 2] },
	gap: { type: 'cloze', fills: [keep] },
	opinion: { type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' }
};

describe.each(ENGINES)('results on %s', (engine) => {
	const db = useTestDatabase(engine);
	const onTime = new Date('2030-03-30T10:00:00Z');
	const lateTime = new Date('2030-04-01T00:00:00Z');

	async function scenario() {
		const made = await makeClass(db(), ['Ali', 'Huda', 'Zaid', '=HYPERLINK("x")']);
		const { teacherId, classInfo, joined } = made;
		await assignLessons(db(), teacherId, classInfo.id, 'tiny', '2030-03-31');
		const [ali, huda, zaid] = joined;
		await syncAttempts(
			db(),
			ali?.token,
			{ attempts: Object.entries(RIGHT).map(([id, answer]) => attempt('tiny', id, answer)) },
			onTime
		);
		// A later, wrong retry does not replace a right first answer.
		await syncAttempts(
			db(),
			ali?.token,
			{ attempts: [attempt('tiny', 'vote-count', { type: 'choice', choice: 2 })] },
			lateTime
		);
		await syncAttempts(
			db(),
			huda?.token,
			{
				attempts: [
					attempt('tiny', 'vote-count', { type: 'choice', choice: 1 }),
					attempt('tiny', 'vote-count', { type: 'choice', choice: 0 }),
					attempt('tiny', 'final', { type: 'truefalse', value: 'false' })
				]
			},
			onTime
		);
		await syncAttempts(
			db(),
			zaid?.token,
			{
				attempts: [
					attempt('tiny', 'vote-count', { type: 'choice', choice: 1 }),
					attempt('tiny', 'who-said', { type: 'match', pairs: [0, 2, 1] })
				]
			},
			lateTime
		);
		return made;
	}

	it('builds the students × questions matrix from first tries', async () => {
		const { teacherId, classInfo, joined } = await scenario();
		const results = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
		expect(results.lesson).toMatchObject({ id: 'tiny', version: TINY.version, questionCount: 8 });
		expect(results.dueDate).toBe('2030-03-31');
		expect(results.dueEnd).toBe('2030-03-31T21:00:00.000Z');
		expect(results.students.map((s) => s.name)).toEqual(['=HYPERLINK("x")', 'Ali', 'Huda', 'Zaid']);
		const byName = Object.fromEntries(results.students.map((s) => [s.name, s]));

		const ali = byName['Ali']!;
		expect(ali).toMatchObject({ answered: 8, correct: 8, score: 1, complete: true, late: false });
		expect(ali.cells[0]).toMatchObject({ state: 'right', tries: 2, late: false, score: 1 });

		const huda = byName['Huda']!;
		expect(huda.cells.map((c) => c.state)).toEqual([
			'later',
			'not-yet',
			'wrong',
			'not-yet',
			'not-yet',
			'not-yet',
			'not-yet',
			'not-yet'
		]);
		expect(huda.cells[0]).toMatchObject({ tries: 2, rightAt: 2 });
		expect(results.questions[0]!.answers[huda.cells[0]!.answer!]).toEqual({
			ar: '35 من 35',
			en: '35 of 35'
		});
		expect(huda).toMatchObject({ answered: 2, correct: 0, score: 0, complete: false, late: false });

		const zaid = byName['Zaid']!;
		expect(zaid.late).toBe(true);
		expect(zaid.cells[0]?.late).toBe(true);
		expect(zaid.cells[5]).toMatchObject({ state: 'partly', score: 1 / 3, rightAt: null });
		expect(zaid.score).toBeCloseTo(1 / 3 / 8);
		expect(zaid.lastAnswerAt).toBe(lateTime.toISOString());

		const nobody = byName['=HYPERLINK("x")']!;
		expect(nobody.cells.every((c) => c.state === 'not-yet' && c.answer === null)).toBe(true);
		expect(nobody.lastAnswerAt).toBeNull();

		expect(results.summary).toEqual({
			students: 4,
			completed: 1,
			late: 1,
			averageScore: (1 + 0 + 1 / 3 / 8) / 3
		});
		expect(joined).toHaveLength(4);
	});

	it('tells per question the share right and the most common wrong answer', async () => {
		const { teacherId, classInfo } = await scenario();
		const { questions, paragraphs, mostMissedParagraph } = await assignmentResults(
			db(),
			teacherId,
			classInfo.id,
			'tiny'
		);
		const voteCount = questions[0]!;
		expect(voteCount).toMatchObject({
			id: 'vote-count',
			number: 1,
			type: 'choice',
			paragraph: 0,
			answered: 3,
			correct: 1,
			later: 1,
			rightAnswer: { ar: '26 من 35', en: '26 of 35' },
			mostCommonWrong: { answer: { ar: '35 من 35', en: '35 of 35' }, count: 2 }
		});
		expect(voteCount.shareCorrect).toBeCloseTo(1 / 3);
		expect(questions[1]).toMatchObject({ answered: 1, correct: 1, mostCommonWrong: null });
		expect(questions[2]?.mostCommonWrong).toMatchObject({
			answer: { ar: 'خطأ', en: 'False' },
			count: 1
		});
		expect(paragraphs).toEqual([
			{ index: 0, questions: 5, answered: 8, wrong: 3, missedShare: 3 / 8 },
			{ index: 1, questions: 3, answered: 4, wrong: 1, missedShare: 1 / 4 }
		]);
		expect(mostMissedParagraph).toBe(0);
	});

	it('gives a class overview per assignment', async () => {
		const { teacherId, classInfo } = await scenario();
		const overview = await classOverview(db(), teacherId, classInfo.id);
		expect(overview).toEqual([
			{
				lessonId: 'tiny',
				title: TINY.title,
				dueDate: '2030-03-31',
				students: 4,
				completed: 1,
				late: 1,
				averageScore: (1 + 0 + 1 / 3 / 8) / 3
			}
		]);
	});

	it('gives a student’s history in the order received', async () => {
		const { teacherId, classInfo, joined } = await scenario();
		const history = await studentHistory(db(), teacherId, classInfo.id, joined[1]?.studentId);
		expect(history.student.name).toBe('Huda');
		expect(history.attempts.map((a) => [a.questionId, a.correct, a.first, a.answer?.en])).toEqual([
			['vote-count', false, true, '35 of 35'],
			['vote-count', true, false, '26 of 35'],
			['final', false, true, 'False']
		]);
		expect(history.attempts[0]?.prompt?.en).toBe('How many members voted for the decision?');
		expect(history.lessons).toEqual([
			{
				lessonId: 'tiny',
				title: TINY.title,
				assigned: true,
				dueDate: '2030-03-31',
				questionCount: 8,
				answered: 2,
				correct: 0,
				score: 0,
				complete: false,
				late: false
			}
		]);
	});

	it('exports the matrix as CSV for Excel, with partial credit and the class clock', async () => {
		const { teacherId, classInfo } = await scenario();
		const { csv } = await assignmentCsv(db(), teacherId, classInfo.id, 'tiny');
		expect(
			csv.startsWith(
				'\uFEFF"Student","Lesson","Answered","Right at first try","Score %","Complete","Late","Last answer (Asia/Baghdad)","1. How many members voted for the decision?",'
			)
		).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(6);
		expect(lines[5]).toBe('');
		expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
		expect(csv).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
		const title = TINY.title.en;
		expect(lines[1]).toBe(
			`"'=HYPERLINK(""x"")","${title}","0","0","0","no","no","","","","","","","","",""`
		);
		expect(lines[2]).toBe(
			`"Ali","${title}","8","8","100","yes","no","2030-04-01 03:00","right","right","right","right","right","right","right","right"`
		);
		expect(lines[3]).toContain('"right at try 2","","wrong"');
		expect(lines[4]).toBe(
			`"Zaid","${title}","2","0","4.2","no","yes","2030-04-01 03:00","wrong","","","","","partly right: 33%","",""`
		);
		const arabic = (await assignmentCsv(db(), teacherId, classInfo.id, 'tiny', 'ar')).csv;
		expect(arabic).toContain('"الطالب"');
		expect(arabic).toContain('كم عضواً صوّت للقرار؟');
		expect(arabic).toContain(`"${TINY.title.ar}"`);
		expect(arabic).toContain('"صح"');
		expect(arabic).toContain('"صحيحة جزئيًا: 33\u200e%\u200e"');
	});

	it('exports everything a class holds before deletion', async () => {
		const { teacherId, classInfo } = await scenario();
		const csv = await classCsv(db(), teacherId, classInfo.id);
		const lines = csv.slice(1).split('\r\n').filter(Boolean);
		// Header, one line for the student without answers, 9 + 3 + 2 answers.
		expect(lines).toHaveLength(1 + 1 + 14);
		expect(lines[0]).toContain(
			'"Student","Student id","Lesson","Question","Answer","Result","Score %","First try","Late","Answered at, device clock (Asia/Baghdad)","Received at (Asia/Baghdad)"'
		);
		const huda = lines.filter((line) => line.startsWith('"Huda"'));
		expect(huda[0]).toContain(
			`"${TINY.title.en}","1. How many members voted for the decision?","35 of 35","wrong","0","yes","no"`
		);
		expect(huda[1]).toContain('"26 of 35","right at try 2","100","no"');
		const zaid = lines.filter((line) => line.startsWith('"Zaid"'));
		expect(zaid.every((line) => line.includes(',"2030-04-01 03:00",'))).toBe(true);
		expect(zaid.some((line) => line.includes('"partly right: 33%","33.3"'))).toBe(true);
		expect(csv).not.toContain('"vote-count"');
	});

	it('refuses another teacher and unassigned lessons', async () => {
		const { teacherId, classInfo, joined } = await scenario();
		const stranger = await makeTeacher(db());
		for (const call of [
			() => assignmentResults(db(), stranger.id, classInfo.id, 'tiny'),
			() => classOverview(db(), stranger.id, classInfo.id),
			() => studentHistory(db(), stranger.id, classInfo.id, joined[0]?.studentId),
			() => assignmentCsv(db(), stranger.id, classInfo.id, 'tiny'),
			() => classCsv(db(), stranger.id, classInfo.id)
		]) {
			await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(
			assignmentResults(db(), teacherId, classInfo.id, 'tiny-two')
		).rejects.toMatchObject({ code: 'assignment-not-found' });
		await expect(studentHistory(db(), teacherId, classInfo.id, 'not-an-id')).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});
