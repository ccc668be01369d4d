import { getClass } from '$lib/server/classes';
import { joinLinks, orNotFound, teacherContext } from '$lib/server/teacher';
import { qrDataUrl } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** The join code, link and QR code alone, large, for a projector. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { teacher, db } = await teacherContext(locals);
	const summary = await orNotFound(getClass(db, teacher.id, params.classId));
	const links = joinLinks(url, summary.joinCode);
	return {
		class: { id: summary.id, name: summary.name, code: summary.joinCode },
		...links,
		qr: await qrDataUrl(links.joinUrl)
	};
};
