import type { Answer } from '$lib/quiz';
import type { CompiledQuestion } from '$lib/lesson';

/** What every answer control receives from its question card. */
export interface ControlProps<T extends CompiledQuestion['type']> {
	question: Extract<CompiledQuestion, { type: T }>;
	/** The reading language: options are shown in it. */
	lang: 'ar' | 'en';
	/** Options also in the other language. */
	showOther: boolean;
	answer: Extract<Answer, { type: T }> | undefined;
	/** Checked and finished: the control only shows. */
	locked: boolean;
	/** A stable seed for the option order. */
	seed: string;
	onchange: (answer: Extract<Answer, { type: T }>) => void;
}

/** An evidence question waiting for the student to tap a sentence of the passage. */
export interface EvidencePick {
	questionId: string;
	/** The passage language the sentence is picked in: the reading language. */
	lang: 'ar' | 'en';
	/** The sentence chosen before, shown as chosen. */
	chosen?: { paragraph: number; sentence: number };
	choose: (paragraph: number, sentence: number) => void;
}
