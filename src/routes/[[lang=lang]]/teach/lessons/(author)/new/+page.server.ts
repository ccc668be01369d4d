import { fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { modelToFiles, newDraftModel } from '$lib/lesson/draft';
import { idFromFileName } from '$lib/lesson/scaffold';
import { localisePath } from '$lib/i18n';
import { readArticleFile } from '$lib/server/article-file';
import { createDraft } from '$lib/server/drafts';
import { field, problem, teacherContext } from '$lib/server/teacher';
import type { Actions } from './$types';

export const actions = {
	/**
	 * Starts a draft from an article, pasted (`article`) or uploaded as a .txt or .docx (`file`):
	 * the scaffold leaves its banner, headline and date line out of the article and carries the
	 * headline and date over. Opens the draft; fails 400 `empty-article`, `not-text` or
	 * `not-docx`, or 413 `too-large`.
	 */
	default: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		const upload = data.get('file');
		let raw = field(data, 'article');
		let id = `lesson-${randomBytes(3).toString('hex')}`;
		if (upload instanceof File && upload.size > 0) {
			const read = await readArticleFile(upload.name, new Uint8Array(await upload.arrayBuffer()));
			if (!read.ok) return fail(read.reason === 'too-large' ? 413 : 400, { reason: read.reason });
			raw = read.text;
			if (upload.name) id = idFromFileName(upload.name);
		}
		const model = newDraftModel(id, raw);
		if (model.paragraphs.length === 0) return fail(400, { reason: 'empty-article' });
		let draftId: string;
		try {
			({ id: draftId } = await createDraft(db, teacher.id, modelToFiles(model)));
		} catch (cause) {
			return problem(cause, 'start');
		}
		redirect(303, localisePath(`/teach/lessons/drafts/${draftId}`, locals.lang));
	}
} satisfies Actions;
