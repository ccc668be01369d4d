import type { Lang } from '$lib/i18n';
import type { TeacherAccount } from '$lib/server/auth';

declare global {
	namespace App {
		interface Locals {
			lang: Lang;
			/** The signed-in teacher on `/teach` pages; null elsewhere and when signed out. */
			teacher: TeacherAccount | null;
		}
	}
}

export {};
