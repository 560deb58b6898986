import type { RussianPlural } from './plural';

/**
 * Every string of the interface, in Russian: the source of truth for the keys (en.ts must have
 * exactly the same). `{name}` marks a parameter; an object of forms marks a plural, chosen by `count`.
 */
export const ru = {
  'app.name': 'Teacher AI',
  'app.documentTitle': '{page} — Teacher AI',
  'app.skipToContent': 'Перейти к содержимому',
  'app.student': 'Ученик',
  'app.crashed.title': 'Что-то пошло не так',
  'app.crashed.text': 'В окне приложения произошла ошибка. Ваш прогресс сохранён — перезагрузите окно, чтобы продолжить.',
  'app.crashed.reload': 'Перезагрузить',

  'nav.label': 'Разделы',
  'nav.courses': 'Курсы',
  'nav.chat': 'Чат',
  'nav.progress': 'Прогресс',
  'nav.achievements': 'Достижения',
  'nav.settings': 'Настройки',

  'common.loading': 'Загрузка…',
  'common.retry': 'Повторить',
  'common.percent': '{value}\u00a0%',

  'notFound.title': 'Страница не найдена',
  'notFound.text': 'Такой страницы в приложении нет. Возможно, ссылка устарела.',
  'notFound.back': 'К списку курсов',

  'courses.title': 'Курсы',
  'courses.intro': 'Выберите курс и занимайтесь в своём темпе — даже без интернета.',
  'courses.loading': 'Загружаем курсы…',
  'courses.loadError': 'Не удалось загрузить курсы.',
  'courses.empty.title': 'Курсов пока нет',
  'courses.empty.text': 'Когда в приложение добавят учебные курсы, они появятся здесь. Загляните чуть позже!',

  'course.back': 'Все курсы',
  'course.loading': 'Загружаем курс…',
  'course.loadError': 'Не удалось загрузить курс.',
  'course.notFound.title': 'Курс не найден',
  'course.notFound.text': 'Возможно, ссылка устарела или курс больше не доступен.',
  'course.grade': '{grade} класс',
  'course.lessonCount': { one: '{count} урок', few: '{count} урока', many: '{count} уроков' },
  'course.estimatedHours': { one: 'около {count} часа', few: 'около {count} часов', many: 'около {count} часов' },
  'course.progressLabel': 'Прогресс по курсу',
  'course.progressText': {
    one: '{done} из {count} урока пройдено',
    few: '{done} из {count} уроков пройдено',
    many: '{done} из {count} уроков пройдено',
  },
  'course.enrol': 'Начать курс',
  'course.enrolling': 'Записываем на курс…',
  'course.enrolError': 'Не получилось начать курс.',
  'course.lessons': 'Уроки',
  'course.noLessons': 'В этом курсе пока нет уроков.',

  'lesson.number': 'Урок {number}',
  'lesson.score': 'Результат: {score} из 100',
  'lesson.status': 'Статус',

  'lessonStatus.not_started': 'Не начат',
  'lessonStatus.in_progress': 'В процессе',
  'lessonStatus.completed': 'Пройден',
  'lessonStatus.reviewed': 'Повторён',

  'enrolmentStatus.active': 'Вы проходите этот курс',
  'enrolmentStatus.completed': 'Курс пройден',
  'enrolmentStatus.paused': 'Курс на паузе',
  'enrolmentStatus.dropped': 'Курс оставлен',

  'subject.math': 'Математика',
  'subject.algebra': 'Алгебра',
  'subject.geometry': 'Геометрия',
  'subject.physics': 'Физика',
  'subject.chemistry': 'Химия',
  'subject.biology': 'Биология',
  'subject.informatics': 'Информатика',
  'subject.russian': 'Русский язык',
  'subject.literature': 'Литература',
  'subject.history': 'История',
  'subject.social_studies': 'Обществознание',
  'subject.geography': 'География',
  'subject.english': 'Английский язык',
  'subject.other': 'Другой предмет',

  'difficulty.easy': 'Лёгкий уровень',
  'difficulty.medium': 'Средний уровень',
  'difficulty.hard': 'Сложный уровень',

  'examType.ЕГЭ': 'Подготовка к ЕГЭ',
  'examType.ОГЭ': 'Подготовка к ОГЭ',

  'chat.title': 'Чат с учителем',
  'chat.comingSoon':
    'Скоро здесь появится чат с ИИ-учителем: он объяснит непонятную тему, подскажет в упражнении, не выдавая ответа, и ответит на вопросы — даже без интернета.',
  'progress.title': 'Прогресс',
  'progress.comingSoon':
    'Скоро здесь появится ваш прогресс: пройденные уроки и результаты, время занятий и серия дней подряд.',
  'achievements.title': 'Достижения',
  'achievements.comingSoon': 'Скоро здесь появятся достижения и баллы, которые вы зарабатываете за учёбу.',

  'settings.title': 'Настройки',
  'settings.language': 'Язык интерфейса',
  'settings.languageHint': 'Меняется сразу во всём приложении.',
  'settings.about': 'О приложении',
  'settings.version': 'Версия',

  'error.invalid_input': 'Приложение получило неверные данные. Проверьте введённое и попробуйте ещё раз.',
  'error.unknown_method': 'Эта функция недоступна в этой версии приложения. Попробуйте обновить приложение.',
  'error.not_found': 'Не найдено. Возможно, это было удалено или ссылка устарела.',
  'error.forbidden': 'У вас нет доступа к этому.',
  'error.unauthenticated': 'Сеанс работы закончился. Откройте приложение заново, чтобы продолжить.',
  'error.conflict': 'Пока вы работали, данные изменились. Обновите страницу и попробуйте ещё раз.',
  'error.unavailable': 'Нет связи с ядром приложения. Попробуйте ещё раз.',
  'error.internal': 'Внутри приложения что-то пошло не так. Попробуйте ещё раз.',
} as const satisfies Record<string, string | RussianPlural>;
