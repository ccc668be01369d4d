export { compileLesson, MAX_FILE_BYTES, type CompileResult, type LessonSource } from './compile';
export { splitParagraphs, normaliseFile } from './article';
export { formatProblem, LessonError, type LessonProblem } from './problem';
export { GAP, ID_PATTERN, QUESTION_TYPES, SKILLS, TODO } from './constants';
export {
	summarise,
	type CompiledQuestion,
	type GlossaryEntry,
	type Lesson,
	type LessonSummary,
	type Paragraph,
	type Question,
	type TermSpan
} from './types';
export { detectFrontMatter, idFromFileName, readDate, scaffoldLesson } from './scaffold';
