import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaffoldLesson } from '../../src/lib/lesson';
import {
	countActions,
	estimateActions,
	estimateYaml,
	lessonParts,
	seconds,
	textEdit,
	type Action
} from './klm';

describe('seconds', () => {
	it("weighs each operator by Card, Moran and Newell's times", () => {
		expect(seconds({ K: 10, P: 2, B: 4, H: 1, M: 2 })).toBeCloseTo(2.8 + 2.2 + 0.4 + 0.4 + 2.7);
	});
});

describe('the browser actions', () => {
	const actions: Action[] = [
		{ type: 'page' },
		{ type: 'click' },
		{ type: 'type', kind: 'content', chars: 12 },
		{ type: 'click' },
		{ type: 'type', kind: 'structure', chars: 3 },
		{ type: 'key', presses: 1 },
		{ type: 'choose' },
		{ type: 'select', presses: 7 },
		{ type: 'select' },
		{ type: 'click', decides: true }
	];

	it('puts only content typing in content, and counts the hand moving', () => {
		const { content, structure } = estimateActions(actions);
		expect(content).toEqual({ K: 12, P: 0, B: 0, H: 0, M: 1 });
		// Hand: mouse → keyboard (type) → mouse (click) → keyboard (type, key) → mouse (choose)
		// → keyboard (select by keys) → mouse (drag, click).
		expect(structure).toEqual({ K: 3 + 1 + 7, P: 2 + 2 + 2 + 1, B: 4 + 4 + 2 + 2, H: 6, M: 6 });
	});

	it('counts what a person did', () => {
		expect(countActions(actions)).toEqual({
			clicks: 3,
			chooses: 1,
			selections: 2,
			keyPresses: 8,
			selectionPresses: 7,
			contentChars: 12,
			structureChars: 3,
			fields: 2,
			pages: 1
		});
	});
});

describe('textEdit', () => {
	it('counts only what replaced a placeholder in a kept line', () => {
		const edit = textEdit('a: 1\n  en: TODO\nb: 2', 'a: 1\n  en: Forty\nb: 2');
		expect(edit).toEqual({ typed: 5, places: 1, linesRemoved: 0, textsReplaced: 1 });
	});

	it('counts new lines whole, with their break, and lines removed', () => {
		const edit = textEdit('# hint\n# hint 2\nid: x\n', 'id: x\nq:\n  - y\n');
		expect(edit.typed).toBe('q:'.length + 1 + '  - y'.length + 1);
		expect(edit.linesRemoved).toBe(2);
		expect(edit.places).toBe(2);
	});

	it('counts characters as keys are pressed, an Arabic mark apart', () => {
		expect(textEdit('', 'ألواحًا').typed).toBe(7);
	});

	it('counts nothing for no change', () => {
		expect(textEdit('x\ny', 'x\ny')).toEqual({
			typed: 0,
			places: 0,
			linesRemoved: 0,
			textsReplaced: 0
		});
	});
});

describe('the lesson by hand', () => {
	const dir = 'tests/fixtures/lessons/valid/solar-school';
	const yaml = readFileSync(`${dir}/lesson.yaml`, 'utf8');
	const scaffold = scaffoldLesson(
		'solar-school',
		readFileSync('tests/fixtures/articles/solar-school.txt', 'utf8')
	).yaml;

	it('leaves out of the content what the scaffold already held', () => {
		const parts = lessonParts(yaml, scaffold);
		expect(parts.content).not.toContain('مدرسة في قرية الريحان تعمل بالطاقة الشمسية');
		expect(parts.content).toContain('A school in Rayhan village runs on solar power');
		expect(parts.content).toContain('The Valley Paper');
		expect(parts.content).not.toContain('noun');
		expect(parts.content).not.toContain('lemma');
		expect(parts.content).toContain('لوح شمسي');
		expect(parts.evidence).toHaveLength(20);
	});

	it('splits the characters typed into content and structure', () => {
		const estimate = estimateYaml(yaml, scaffold, { rounds: 1, errors: 0 });
		expect(estimate.contentChars + estimate.structureChars).toBe(estimate.edit.typed);
		expect(estimate.structureChars).toBeGreaterThan(0);
		expect(estimate.content.K).toBe(estimate.contentChars);
		// A check round with errors costs more than one without.
		const worse = estimateYaml(yaml, scaffold, { rounds: 3, errors: 4 });
		expect(seconds(worse.structure)).toBeGreaterThan(seconds(estimate.structure));
		expect(seconds(worse.content)).toBe(seconds(estimate.content));
	});

	it('copies a long quote rather than typing it, and types a short one', () => {
		const lesson = yaml.replace(
			/questions:[\s\S]*/,
			'questions:\n  - { id: a, type: evidence, skill: detail, paragraph: 1, evidence: "الألواح الأربعون", evidence_en: "The forty panels produce electricity for six classrooms", prompt: { ar: "س", en: "q" }, explain: { ar: "ش", en: "e" } }\n'
		);
		const estimate = estimateYaml(lesson, scaffold, { rounds: 1, errors: 0 });
		expect(estimate.evidenceCopied).toBe(1);
		expect(estimate.evidenceChars).toBe([...'الألواح الأربعون'].length);
	});
});
