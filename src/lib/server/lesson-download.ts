/**
 * A lesson as a download: its two files in a .zip, inside a folder named by its id, as `lessons/`
 * holds them and as the teacher area's import (lesson-upload.ts) reads them back unchanged.
 */
import { strToU8, zipSync } from 'fflate';
import type { LessonFiles } from './lessons';

/** The .zip of lesson `id`'s files: `<id>/article.ar.txt` and `<id>/lesson.yaml`, byte for byte. */
export function lessonZip(id: string, files: LessonFiles, now: Date = new Date()): Uint8Array {
	// Paths, not nested folders: fflate would add an entry for the folder itself.
	return zipSync(
		{
			[`${id}/article.ar.txt`]: strToU8(files.article),
			[`${id}/lesson.yaml`]: strToU8(files.lesson)
		},
		{ mtime: now, level: 6 }
	);
}
