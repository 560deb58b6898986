/**
 * Units written after a number. A unit is forgiven when it is the one the exercise asks for (in any
 * usual spelling: «км/ч», «км/час», «км в час», «km/h»), and refused — with the unit asked for named —
 * when it is another one: «20 м/с» is not «72 км/ч» even though the student did the work.
 */

/** Each unit's symbol, with the words and symbols students write for it (all lower case, ё as е). */
const UNIT_SPELLINGS: Record<string, readonly string[]> = {
  мм: ['миллиметр', 'миллиметра', 'миллиметров', 'mm'],
  см: ['сантиметр', 'сантиметра', 'сантиметров', 'cm'],
  дм: ['дециметр', 'дециметра', 'дециметров', 'dm'],
  м: ['метр', 'метра', 'метров', 'm'],
  км: ['километр', 'километра', 'километров', 'km'],
  мс: ['миллисекунда', 'миллисекунды', 'миллисекунд', 'ms'],
  с: ['сек', 'секунда', 'секунды', 'секунд', 'секунду', 's', 'sec'],
  мин: ['минута', 'минуты', 'минут', 'минуту', 'min'],
  ч: ['час', 'часа', 'часов', 'h'],
  сут: ['сутки', 'суток'],
  г: ['гр', 'грамм', 'грамма', 'граммов', 'g'],
  кг: ['килограмм', 'килограмма', 'килограммов', 'kg'],
  т: ['тонна', 'тонны', 'тонн'],
  л: ['литр', 'литра', 'литров', 'l'],
  мл: ['миллилитр', 'миллилитра', 'миллилитров', 'ml'],
  '%': ['процент', 'процента', 'процентов'],
  '°': ['град', 'градус', 'градуса', 'градусов'],
  бит: ['бита', 'bit', 'bits'],
  байт: ['байта', 'byte', 'bytes'],
  кбайт: ['кб', 'килобайт', 'килобайта', 'килобайтов', 'kb', 'kbyte', 'кбайта'],
  мбайт: ['мб', 'мегабайт', 'мегабайта', 'мегабайтов', 'mb', 'мбайта'],
  гбайт: ['гб', 'гигабайт', 'гигабайта', 'гигабайтов', 'gb', 'гбайта'],
  гц: ['герц', 'hz'],
  кгц: ['килогерц', 'khz'],
  н: ['ньютон', 'ньютона', 'ньютонов', 'n'],
  дж: ['джоуль', 'джоуля', 'джоулей', 'j'],
  вт: ['ватт', 'ватта', 'w'],
  а: ['ампер', 'ампера'],
  в: ['вольт', 'вольта', 'v'],
  ом: ['ома', 'омов', 'ohm', 'ω'],
  руб: ['р', 'рубль', 'рубля', 'рублей', '₽'],
  шт: ['штука', 'штуки', 'штук'],
};

const SYMBOL_OF = new Map<string, string>(
  Object.entries(UNIT_SPELLINGS).flatMap(([symbol, spellings]) => [[symbol, symbol] as const, ...spellings.map((s) => [s, symbol] as const)]),
);

/** «²», «^2», «2» and «кв.» all square a length: «12 м²», «12 м^2», «12 кв. м» are one unit. */
function powerOf(word: string): string {
  const square = /^кв(?:\.\s*|\s+)(.+)$/.exec(word);
  if (square) return `${SYMBOL_OF.get(square[1]!) ?? square[1]}2`;
  const powered = /^(.+?)(?:\^?([23])|([²³]))$/.exec(word);
  if (!powered) return SYMBOL_OF.get(word) ?? word;
  const exponent = powered[2] ?? (powered[3] === '²' ? '2' : '3');
  return `${SYMBOL_OF.get(powered[1]!) ?? powered[1]}${exponent}`;
}

/** The unit in one spelling: «Км/час», «км / ч», «километров в час» all become «км/ч». */
export function normaliseUnit(unit: string): string {
  const text = unit
    .toLocaleLowerCase('ru-RU')
    .replaceAll('ё', 'е')
    .replace(/\s+в\s+/g, '/')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  return text
    .split('/')
    .map((part) => powerOf(part.trim().replace(/\.+$/, '')))
    .join('/');
}

/** A square or cube of a length written with a digit: «м2», «см^3» (not any letter followed by a digit). */
const LENGTH_POWER = /(?<!\p{L})(?:мм|см|дм|км|м|mm|cm|dm|km|m)\^?[23](?![\p{L}\d])/gu;

/**
 * Whether text after a number reads as a unit rather than more of the answer: letters (with «/», «.», a
 * power), «%» or «°». Digits are allowed only as a power (so «1e3» or «0x10» are not «1 e3»).
 */
export function looksLikeUnit(text: string): boolean {
  if (/^[%°‰₽]$/.test(text)) return true;
  // «2x» is not two of a unit «x»: a single letter is a unit only if it is one («5 м», «3 ч», «2 s»).
  if (/^\p{L}$/u.test(text)) return SYMBOL_OF.has(text.toLocaleLowerCase('ru-RU'));
  // A power becomes a plain letter: what is left must be letters and signs only.
  const withoutPowers = text.replace(LENGTH_POWER, 'м');
  return /^[\p{L}₽°][\p{L}\s./²³°-]*$/u.test(withoutPowers) && !/\d/.test(withoutPowers);
}

export function sameUnit(given: string, expected: string): boolean {
  return normaliseUnit(given) === normaliseUnit(expected);
}
