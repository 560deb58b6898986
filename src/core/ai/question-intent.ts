/**
 * What a student's message asks for, read from its wording (Russian and English). The offline
 * teacher answers each kind differently; a language model would not need this, a rule-based teacher does.
 */
export type QuestionIntent =
  | 'greeting'
  | 'injection'
  | 'answer_grab'
  | 'check_answer'
  | 'plan'
  | 'definition'
  | 'how_to'
  | 'solve'
  | 'off_topic'
  | 'general';

const lower = (text: string) => text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').trim();

const GREETING = /^(?:привет\p{L}*|здравствуй\p{L}*|добр\p{L}+ (?:день|утро|вечер)|доброе утро|хай|салют|приветик|hi|hello|hey|good (?:morning|afternoon|evening)|спасибо|благодарю|thanks?(?: you)?|пока|до свидания|как дела|как ты)[\s!.,?)]*(?:учитель|бот|друг)?[\s!.,?)]*$/u;

/** Attempts to change the rules rather than ask a question. */
const INJECTION = new RegExp(
  [
    String.raw`(?:игнорир\p{L}*|забудь\p{L}*|отмени\p{L}*|не обращай\p{L}* внимани\p{L}* на|не слушай|обойди|отключи\p{L}*|сбрось)\s+(?:\p{L}+\s+){0,3}(?:инструкци|правил|указани|ограничени|настро|промпт|запрет|фильтр)`,
    String.raw`(?:ты теперь|теперь ты|представь,? что ты|притворись|веди себя как|режим разработчика|developer mode|jailbreak|\bdan\b|системн\p{L}* (?:промпт|сообщени|инструкци)|system prompt)`,
    String.raw`(?:ignore|forget|disregard|bypass|override)\s+(?:\w+\s+){0,3}(?:instructions|rules|prompt|restrictions)`,
    String.raw`(?:я|i am|i'm)\s+(?:твой\s+)?(?:учитель|администратор|разработчик|админ|teacher|admin|developer)\p{L}*[,.]?\s+(?:\p{L}+\s+){0,4}(?:разреша|позволя|можно|allow|let)`,
  ].join('|'),
  'u',
);

/** «Дай ответ», «скажи просто ответ», «реши за меня», «ГДЗ»: the answer without the work. */
const ANSWER_GRAB = new RegExp(
  [
    String.raw`(?:дай|скажи|напиши|покажи|назови|пришли|скинь|выдай|сообщи|подскажи)\p{L}*\s+(?:\p{L}+\s+){0,3}(?:ответ|решени)\p{L}*`,
    String.raw`(?:просто|сразу|только|готов\p{L}*)\s+(?:\p{L}+\s+){0,2}ответ`,
    String.raw`(?:какой|какие)\s+(?:\p{L}+\s+){0,2}ответ\p{L}*\s+(?:\p{L}+\s+){0,2}(?:в|к|на|у)\s+(?:задани|упражнени|задач|номер|вопрос|тест|домашн)`,
    String.raw`ответ\p{L}*\s+(?:к|на|для)\s+(?:\p{L}+\s+){0,2}(?:задани|упражнени|задач|номер|вопрос|тест|домашн|дз)`,
    String.raw`(?:реши|сделай|выполни)\s+(?:\p{L}+\s+){0,2}(?:за меня|вместо меня|мою домашку|мое задание|домашк\p{L}*|дз)`,
    String.raw`(?<!\p{L})(?:гдз|списать|спиши)(?!\p{L})`,
    String.raw`(?:give|tell|show)\s+(?:me\s+)?(?:just\s+)?(?:the\s+)?(?:answer|solution)|just the answer|do my homework`,
  ].join('|'),
  'u',
);

const CHECK_ANSWER = new RegExp(
  [
    String.raw`(?:^|\s)(?:я|у меня|мне)\s+(?:\p{L}+\s+){0,2}(?:получил\p{L}*|получилось|получилась|вышл\p{L}*|нашел|нашла|ответил\p{L}*|решил\p{L}*|посчитал\p{L}*|насчитал\p{L}*)`,
    String.raw`(?:получил\p{L}*|вышло|ответ)\s+[-\d(xх]`,
    String.raw`(?:это|так|ответ|верно ли|правильно ли)\s+(?:\p{L}+\s+){0,2}(?:правильн|верн)\p{L}*`,
    String.raw`(?:правильно|верно|так)\s*\?\s*$`,
    String.raw`провер\p{L}*\s+(?:\p{L}+\s+){0,2}(?:мой|мое|мою|мои|ответ|решени)`,
    String.raw`\bi got\b|is (?:it|this|that) (?:right|correct)|check my (?:answer|solution)`,
  ].join('|'),
  'u',
);

const PLAN = /план\p{L}*|расписани\p{L}*|(?:как|с чего)\s+(?:\p{L}+\s+){0,2}(?:подготов|готовить|начать учить|начать подготовку|учить)|подготов\p{L}*\s+(?:\p{L}+\s+){0,2}к\s|что (?:повторить|учить|нужно выучить)|study plan|how (?:to|do i|should i) prepare|revision schedule/u;

const DEFINITION = /(?:^|\s)(?:что так(?:ое|ая|ой|ие)|что (?:значит|означает|обозначает|называ\p{L}+)|(?:дай|скажи|напомни|какое)\s+(?:\p{L}+\s+){0,1}определени\p{L}*|определени\p{L}*\s|что это(?: за)?|кто так(?:ой|ая)|объясни\p{L}*\s+(?:\p{L}+\s+){0,1}(?:понятие|термин|слово)|what (?:is|are|does)|define|meaning of)|\s(?:—|-|–)\s*это\s*(?:что|как)?\s*\??\s*$/u;

const HOW_TO = /(?:^|\s)(?:как|каким образом|по какой формуле|какая формула|формул\p{L}*|правило|почему|зачем|чем отлича\p{L}+|когда|сколько|how|why|when|which formula)(?:\s|$)/u;

const SOLVE_VERB = /(?:^|\s)(?:реши\p{L}*|вычисли\p{L}*|посчитай\p{L}*|найди\p{L}*|найдите|упрости\p{L}*|разложи\p{L}*|сократи\p{L}*|сколько будет|чему равн\p{L}*|solve|calculate|compute|simplify|factori[sz]e|evaluate)(?:\s|:|$)/u;

/**
 * Subjects a school course never covers; a question about them gets «это не из твоих курсов» even
 * when a word of it happens to start a lesson word («футбол» and a discount on a «футболка»).
 */
const OFF_TOPIC = /(?:^|[^\p{L}])(?:футбол(?!к)\p{L}*|хокке\p{L}*|баскетбол\p{L}*|волейбол\p{L}*|теннис\p{L}*|матч\p{L}*|чемпионат\p{L}*|клуб\p{L}*|(?:компьютерн\p{L}*|видео)\s*игр\p{L}*|игр(?:а|у|ы|ать|аю|аешь|ой|ам|ах)|майнкрафт\p{L}*|minecraft|fortnite|роблокс\p{L}*|roblox|дот[аеуы]|dota|кс\s*го|cs:?go|гта|gta|фильм\p{L}*|сериал\p{L}*|мульт\p{L}*|аниме|кино|музык\p{L}*|песн\p{L}*|певиц\p{L}*|певец\p{L}*|рэп\p{L}*|репер\p{L}*|блогер\p{L}*|тикток\p{L}*|tiktok|ютуб\p{L}*|youtube|инстаграм\p{L}*|погод\p{L}*|рецепт\p{L}*|пицц\p{L}*|бургер\p{L}*|шоколад\p{L}*|любов\p{L}*|влюб\p{L}*|девушк\p{L}*|парен\p{L}*|свидани\p{L}*|политик\p{L}*|президент\p{L}*|выбор\p{L}*|знаменитост\p{L}*|актер\p{L}*|актрис\p{L}*|гороскоп\p{L}*|анекдот\p{L}*|шутк\p{L}*|football|soccer|hockey|basketball|video games?|movie|film|music|song|singer|weather|recipe|celebrity|horoscope|joke)(?![\p{L}])/u;

export interface IntentSignals {
  /** The message states a maths problem the solver can take (checked by the caller, who solves it). */
  hasMath: boolean;
}

/** The intent of one message; the order of the checks is the order of precedence. */
export function classifyQuestion(message: string, signals: IntentSignals): QuestionIntent {
  const text = lower(message);
  if (GREETING.test(text)) return 'greeting';
  if (INJECTION.test(text)) return 'injection';
  if (CHECK_ANSWER.test(text) && /\d/.test(text)) return 'check_answer';
  if (ANSWER_GRAB.test(text)) return 'answer_grab';
  if (signals.hasMath) return 'solve';
  if (OFF_TOPIC.test(text)) return 'off_topic';
  if (PLAN.test(text)) return 'plan';
  if (DEFINITION.test(text)) return 'definition';
  if (HOW_TO.test(text)) return 'how_to';
  if (SOLVE_VERB.test(text)) return 'solve';
  return 'general';
}

/** «разложи на множители»: the student wants a product, not the roots. */
export const wantsFactoring = (message: string) => /разлож\p{L}*|множител\p{L}*|factori[sz]/u.test(lower(message));

/**
 * The thing a definition question is about: «Что такое числитель?» → «числитель»,
 * «Дискриминант — это что?» → «дискриминант».
 */
export function definitionSubject(message: string): string {
  const text = lower(message).replace(/[?!.]+$/u, '');
  const after = text.match(
    /(?:что так(?:ое|ая|ой|ие)|что (?:значит|означает|обозначает)|что называ\p{L}+|определени\p{L}*|что это(?: за)?|кто так(?:ой|ая)|понятие|термин|what (?:is|are|does)|define|meaning of)\s+(.+)$/u,
  );
  if (after) return after[1]!.replace(/^(?:слово|термин|понятие|такое|a|an|the)\s+/u, '').replace(/\s+(?:mean|значит)$/u, '').trim();
  const before = text.match(/^(.+?)\s*(?:—|-|–)\s*это/u);
  return before ? before[1]!.trim() : text;
}
