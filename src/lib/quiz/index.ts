export { MAX_ANSWER_ITEMS, MAX_ANSWER_TEXT, parseAnswer, type Answer } from './answer';
export { answerFits } from './fits';
export { clozeBank, type BankWord, type ClozeQuestion } from './cloze';
export { evidenceSpan, grade, type Grade } from './grade';
export { matchesAnswer, matchesShort } from './short';
export { sentencesOf, type ParagraphText } from './passage';
export { scoreLesson, type LessonScore, type SkillScore } from './score';
export { shuffled } from './shuffle';
export { keyAnswer } from './key';
