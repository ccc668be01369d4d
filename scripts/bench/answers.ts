/**
 * Answers as a student's device sends them, for real questions of real lessons: right ones from
 * the lesson's own key, and wrong ones of the kinds students give (the wrong choice, a shuffled
 * order, a typed slip), all well formed so the server stores and grades every one.
 */
import type { CompiledQuestion, Lesson } from '../../src/lib/lesson';
import { keyAnswer, type Answer } from '../../src/lib/quiz';

/** A seeded pseudo-random source (mulberry32): the same bench run sends the same answers. */
export function randomSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A whole number in [min, max]. */
export function between(random: () => number, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

/** A wrong (or partly wrong) answer that still fits the question. */
export function wrongAnswer(question: CompiledQuestion, lesson: Lesson, lang: 'ar' | 'en'): Answer {
	switch (question.type) {
		case 'choice':
			return { type: 'choice', choice: question.choices.findIndex((c) => !c.correct) };
		case 'multi':
			return { type: 'multi', choices: question.choices.flatMap((c, i) => (c.correct ? [] : [i])) };
		case 'truefalse':
			return { type: 'truefalse', value: question.answer === 'true' ? 'false' : 'true' };
		case 'short':
			return { type: 'short', text: `${question.answers[lang][0]!} ؟ لا أعرف`, lang };
		case 'order':
			return { type: 'order', order: question.items.map((_, i) => i).reverse() };
		case 'match': {
			const count = question.pairs.length;
			return { type: 'match', pairs: question.pairs.map((_, i) => (i + 1) % count) };
		}
		case 'cloze':
			return { type: 'cloze', fills: question.gaps.map(() => null) };
		case 'evidence': {
			// The first sentence of another paragraph: the commonest wrong tap.
			const other = question.paragraph === 0 ? 1 : 0;
			const paragraph = other < lesson.paragraphs.length ? other : question.paragraph;
			return { type: 'evidence', paragraph, sentence: 0, lang };
		}
	}
}

/** One outbox item, as `POST /api/sync` takes it. */
export interface OutboxItem {
	id: string;
	lessonId: string;
	questionId: string;
	answer: Answer;
	answeredAt: string;
}

/**
 * A device's batch of `size` answers to questions of the lessons, about two thirds right, in
 * either reading language, each with a fresh id.
 */
export function makeBatch(
	lessons: readonly Lesson[],
	size: number,
	random: () => number,
	newId: () => string,
	now: Date = new Date()
): OutboxItem[] {
	return Array.from({ length: size }, (_, i) => {
		const lesson = lessons[between(random, 0, lessons.length - 1)]!;
		const question = lesson.questions[between(random, 0, lesson.questions.length - 1)]!;
		const lang = random() < 0.5 ? 'ar' : 'en';
		const answer =
			random() < 2 / 3
				? keyAnswer(question, lesson.paragraphs, lang)
				: wrongAnswer(question, lesson, lang);
		return {
			id: newId(),
			lessonId: lesson.id,
			questionId: question.id,
			answer,
			answeredAt: new Date(now.getTime() - (size - i) * 20_000).toISOString()
		};
	});
}
