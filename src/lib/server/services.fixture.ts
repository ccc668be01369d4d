/**
 * Shortcuts for service tests: a teacher without paying for scrypt, a class with students who
 * joined through the real join code, and attempts in the shape devices send.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '$lib/quiz';
import { createClass, type ClassSummary } from './classes';
import type { Db } from './db/database';
import { joinClass, type Joined } from './students';

let counter = 0;

/** Inserts a teacher directly (the password hash is a placeholder nobody can sign in with). */
export async function makeTeacher(
	db: Db,
	name = 'Teacher'
): Promise<{ id: string; email: string }> {
	const id = randomUUID();
	const email = `teacher-${++counter}-${id.slice(0, 8)}@school.test`;
	await db
		.insertInto('teachers')
		.values({ id, email, name, password_hash: 'none', created_at: new Date().toISOString() })
		.execute();
	return { id, email };
}

/** A teacher with a class and `students` students who joined with its code from distinct IPs. */
export async function makeClass(
	db: Db,
	students: string[] = [],
	name = 'Class 7B'
): Promise<{ teacherId: string; classInfo: ClassSummary; joined: Joined[] }> {
	const teacher = await makeTeacher(db);
	const classInfo = await createClass(db, teacher.id, { name });
	const joined: Joined[] = [];
	for (const student of students) {
		joined.push(
			await joinClass(db, {
				code: classInfo.joinCode,
				name: student,
				ip: `10.0.${counter}.${joined.length}`
			})
		);
	}
	return { teacherId: teacher.id, classInfo, joined };
}

/** One attempt as the device's outbox sends it. */
export function attempt(
	lessonId: string,
	questionId: string,
	answer: Answer | unknown,
	answeredAt = new Date().toISOString()
) {
	return { id: randomUUID(), lessonId, questionId, answer, answeredAt };
}
