import type { Language } from '../../shared/domain';

/**
 * Everything the offline teacher says besides the course's own text. It is reply content, so it
 * follows the student's language (the context's), like a model's reply would.
 */
export const OFFLINE_PHRASES = {
  intro: {
    ru: 'Я встроенный офлайн-учитель: отвечаю по материалам курса, без языковой модели.',
    en: 'I am the built-in offline teacher: I answer from the course materials, without a language model.',
  },
  taskIs: { ru: 'Давай разберёмся, что спрашивается в задании:', en: 'Let’s work out what the exercise asks:' },
  hint: { ru: '**Подсказка:** {hint}', en: '**Hint:** {hint}' },
  nextHint: { ru: '**Следующая подсказка:** {hint}', en: '**Next hint:** {hint}' },
  noHint: {
    ru: 'Готовых подсказок к этому заданию нет: перечитай ключевые понятия урока и попробуй ещё раз.',
    en: 'This exercise has no hints: re-read the lesson’s key concepts and try again.',
  },
  tryIt: { ru: 'Попробуй ответить — если не получится, я подскажу ещё.', en: 'Give it a try — if it does not work out, I will help more.' },
  notYet: { ru: 'Твой ответ «{answer}» пока неверный.', en: 'Your answer “{answer}” is not right yet.' },
  noAttempt: {
    ru: 'Попробуй ввести свой ответ — так я смогу подсказать точнее.',
    en: 'Try entering your answer — then I can help more precisely.',
  },
  reread: { ru: 'Перечитай в уроке понятие «{term}»: {definition}', en: 'Re-read the concept “{term}” in the lesson: {definition}' },
  solutionAfterTry: {
    ru: 'Когда попробуешь ответить, я покажу полный разбор.',
    en: 'Once you have tried an answer, I will show the full solution.',
  },
  correct: { ru: 'Верно! Вот почему:', en: 'Correct! Here is why:' },
  solution: { ru: 'Вот разбор решения:', en: 'Here is the worked solution:' },
  answerIs: { ru: '**Ответ:** {answer}', en: '**Answer:** {answer}' },
  checklist: { ru: 'Проверь себя по критериям:', en: 'Check yourself against the criteria:' },
  noCriteria: {
    ru: 'У этого задания нет списка критериев: сверь свой ответ с условием и проверь, ответил ли ты на всё, что спрашивается.',
    en: 'This homework has no criteria list: compare your answer with the task and check you answered everything it asks.',
  },
  strongAnswer: { ru: 'Сильный ответ:', en: 'A strong answer:' },
  strongParts: { ru: 'отвечает на каждый пункт задания', en: 'answers every part of the task' },
  strongSteps: { ru: 'показывает ход решения по шагам, а не только итог', en: 'shows the solution step by step, not just the result' },
  strongFormulas: { ru: 'записывает формулы и вычисления', en: 'writes out the formulas and calculations' },
  strongFinal: { ru: 'заканчивается явно записанным ответом', en: 'ends with a clearly stated answer' },
  tooShort: {
    ru: 'Твой ответ заметно короче полного решения — проверь, всё ли расписано.',
    en: 'Your answer is much shorter than a full solution — check that everything is written out.',
  },
  modelReview: {
    ru: 'Подробную проверку с оценкой даст учитель на языковой модели — его можно подключить в настройках.',
    en: 'A language-model teacher can give a detailed review with a mark — you can connect one in Settings.',
  },
  fromLesson: { ru: 'Вот что сказано в уроке «{title}»:', en: 'Here is what the lesson “{title}” says:' },
  lessonsUsed: { ru: 'Я использовал уроки: {lessons}.', en: 'I used the lessons: {lessons}.' },
  lessonRef: { ru: '«{title}» (курс «{course}»)', en: '“{title}” (course “{course}”)' },
  nothingFound: {
    ru: 'Я не нашёл ничего подходящего в материалах курсов. Попробуй сформулировать вопрос другими словами или подключи языковую модель в настройках.',
    en: 'I found nothing that fits in the course materials. Try asking in other words, or connect a language model in Settings.',
  },
} satisfies Record<string, Record<Language, string>>;

export type OfflinePhrase = keyof typeof OFFLINE_PHRASES;

/** A phrase in the language, its `{name}` slots filled. Values are inserted once: a `{…}` inside them stays as it is. */
export function say(language: Language, phrase: OfflinePhrase, values: Record<string, string> = {}): string {
  return OFFLINE_PHRASES[phrase][language].replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
