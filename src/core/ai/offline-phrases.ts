import type { Language } from '../../shared/domain';

/**
 * Everything the offline teacher says besides the course's own text. It is reply content, so it
 * follows the student's language (the context's), like a model's reply would.
 */
export const OFFLINE_PHRASES = {
  intro: {
    ru: 'Я встроенный офлайн-учитель: отвечаю по материалам курса и решаю задачи по шагам, без языковой модели.',
    en: 'I am the built-in offline teacher: I answer from the course materials and solve problems step by step, without a language model.',
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
  modelReview: {
    ru: 'Подробную проверку с оценкой даст учитель на языковой модели — его можно подключить в настройках.',
    en: 'A language-model teacher can give a detailed review with a mark — you can connect one in Settings.',
  },
  fromLesson: { ru: 'Вот что сказано в уроке «{title}»:', en: 'Here is what the lesson “{title}” says:' },
  sources: { ru: '_Источник: {lessons}._', en: '_Source: {lessons}._' },
  lessonRef: { ru: '«{title}» (курс «{course}»)', en: '“{title}” (course “{course}”)' },
  offTopic: {
    ru: 'Это не из твоих курсов: я отвечаю только по учебным материалам ({courses}). Спроси меня о них — например, что такое дискриминант или как найти среднюю скорость.',
    en: 'This is not from your courses: I only answer from the study materials ({courses}). Ask me about them — for example, what a discriminant is or how to find average speed.',
  },
  greeting: {
    ru: 'Привет! Я могу объяснить понятие из урока («Что такое числитель?»), решить уравнение или пример по шагам («Реши x² − 5x + 6 = 0»), проверить твой ответ и составить план подготовки. О чём спросишь?',
    en: 'Hi! I can explain a concept from a lesson (“What is a numerator?”), solve an equation or a sum step by step (“Solve x² − 5x + 6 = 0”), check your answer and make a study plan. What would you like to ask?',
  },
  thanks: { ru: 'Пожалуйста! Если появятся вопросы по урокам — спрашивай.', en: 'You are welcome! Ask me whenever a lesson raises a question.' },
  rulesStay: {
    ru: 'Мои правила не меняются от просьб в сообщении: я помогаю разобраться, а готовые ответы к заданиям не выдаю.',
    en: 'My rules do not change because a message asks: I help you work things out, and I do not hand out ready answers to exercises.',
  },
  noReadyAnswers: {
    ru: 'Готовые ответы к заданиям я не выдаю — так ничему не научишься. Открой задание в уроке и нажми «Спросить учителя»: я дам подсказку к первому шагу, а полный разбор покажу, когда попробуешь ответить. Или напиши условие и свой ход решения — проверю.',
    en: 'I do not hand out ready answers to exercises — that teaches nothing. Open the exercise in its lesson and press “Ask the teacher”: I will hint at the first step and show the full solution once you have tried. Or write the task and your working — I will check it.',
  },
  exerciseOwnProblem: {
    ru: 'Это задача из твоего задания, поэтому решать её за тебя я не буду — давай по шагам.',
    en: 'This is the problem of your exercise, so I will not solve it for you — let’s go step by step.',
  },
  solving: { ru: 'Решим по шагам.', en: 'Let’s solve it step by step.' },
  cannotSolve: {
    ru: 'Такую задачу я без языковой модели решить не умею: я решаю линейные и квадратные уравнения и неравенства, системы двух линейных уравнений, примеры с дробями, степенями и корнями, задачи на проценты и на движение.',
    en: 'I cannot solve this kind of problem without a language model: I solve linear and quadratic equations and inequalities, systems of two linear equations, sums with fractions, powers and roots, percentage and motion problems.',
  },
  checkRight: { ru: 'Да, верно: {answer}. Молодец!', en: 'Yes, that is right: {answer}. Well done!' },
  checkWrong: {
    ru: 'Не совсем: у меня получилось {answer}, а не {yours}. Сверь свой ход решения с моим:',
    en: 'Not quite: I got {answer}, not {yours}. Compare your working with mine:',
  },
  checkPartly: { ru: 'Частично: {answer}. У тебя найдено не всё — сверь с решением:', en: 'Partly: {answer}. You have not found everything — compare with the solution:' },
  checkNoProblem: {
    ru: 'Чтобы проверить ответ, напиши условие целиком — например: «Реши 2x + 3 = 11, я получил 4». Ответ к заданию урока проверится, если ввести его в поле ответа.',
    en: 'To check an answer, write the whole task — for example: “Solve 2x + 3 = 11, I got 4”. An answer to a lesson exercise is checked when you enter it in the answer box.',
  },
  checkInExercise: {
    ru: 'Введи свой ответ в поле ответа под заданием — там он проверится, а я подскажу, если он неверный.',
    en: 'Enter your answer in the answer box under the exercise — it is checked there, and I will help if it is wrong.',
  },
  definitionNotFound: {
    ru: 'Определения «{term}» в твоих уроках нет. Вот что ближе всего по теме:',
    en: 'Your lessons do not define “{term}”. Here is the closest material:',
  },
  planIntro: { ru: 'План подготовки по курсу «{course}» на {days} дн.:', en: 'A study plan for the course “{course}” over {days} days:' },
  planDay: { ru: '- **День {day}.**', en: '- **Day {day}.**' },
  planLesson: {
    ru: 'Урок «{title}»: разбери понятия ({concepts}) и реши упражнения урока ({exercises}).',
    en: 'Lesson “{title}”: learn the concepts ({concepts}) and do the lesson’s exercises ({exercises}).',
  },
  planRevision: {
    ru: 'Повторение: перечитай ключевые понятия всех уроков и заново реши упражнения, в которых ошибался.',
    en: 'Revision: re-read the key concepts of every lesson and redo the exercises you got wrong.',
  },
  planTip: {
    ru: 'Занимайся каждый день по 30–45 минут; не переходи к следующему уроку, пока не решишь упражнения предыдущего.',
    en: 'Study 30–45 minutes every day; do not move on until you have done the previous lesson’s exercises.',
  },
  planWhichCourse: {
    ru: 'По какому курсу составить план? Есть курсы: {courses}. Напиши, например: «План подготовки по курсу … за 7 дней».',
    en: 'Which course should the plan be for? There are: {courses}. Write, for example: “A study plan for … in 7 days”.',
  },
  reviewComplete: {
    ru: 'Ответ полный: в нём есть все числа и ключевые слова образцового решения. Отличная работа!',
    en: 'The answer is complete: it has every number and key word of the model solution. Excellent work!',
  },
  reviewMostly: { ru: 'Ответ в основном совпадает с образцовым решением. Проверь, чего не хватает:', en: 'The answer mostly matches the model solution. Check what is missing:' },
  reviewMissingNumbers: { ru: 'не хватает результатов: {items}', en: 'results missing: {items}' },
  reviewMissingWords: { ru: 'не упомянуто: {items}', en: 'not mentioned: {items}' },
  reviewNoSteps: { ru: 'записан только итог — покажи ход решения (формулы и вычисления)', en: 'only the result is written — show the working (formulas and calculations)' },
  reviewFarOff: {
    ru: 'В ответе нет большинства результатов, которые должны получиться. Пройди задание ещё раз по критериям:',
    en: 'Most of the results the task should reach are not in the answer. Go through the task again against the criteria:',
  },
  reviewWrongNumbers: { ru: 'числа, которых нет в решении (проверь вычисления): {items}', en: 'numbers that are not in the solution (check your arithmetic): {items}' },
} satisfies Record<string, Record<Language, string>>;

export type OfflinePhrase = keyof typeof OFFLINE_PHRASES;

/** A phrase in the language, its `{name}` slots filled. Values are inserted once: a `{…}` inside them stays as it is. */
export function say(language: Language, phrase: OfflinePhrase, values: Record<string, string> = {}): string {
  return OFFLINE_PHRASES[phrase][language].replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
