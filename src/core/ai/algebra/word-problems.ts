import type { Language } from '../../../shared/domain';
import { plainNumber, texNumber } from './latex';
import { normaliseMath } from './math-text';
import { Rational } from './rational';
import type { Solution } from './solution';

/**
 * The word problems of the courses that follow one formula: percentages (of a number, what share,
 * the whole from a part, a price raised or cut) and uniform motion (s = v·t, average speed, km/h ↔ m/s).
 * Recognised by the quantities a sentence states and the one it asks for, never by its exact wording.
 */
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const num = (text: string) => Rational.parse(text);
const tex = texNumber;

type Words = Record<Language, string>;
const W = (ru: string, en: string): Words => ({ ru, en });

const PHRASES = {
  onePercent: W('1 % — это сотая часть числа, поэтому {p} % от {n} — это ${n} \\cdot \\frac{{p}}{100} = {r}$.', '1 % is a hundredth of a number, so {p} % of {n} is ${n} \\cdot \\frac{{p}}{100} = {r}$.'),
  share: W('Чтобы узнать, сколько процентов {a} составляет от {b}, разделим и умножим на 100 %: $\\frac{{a}}{{b}} \\cdot 100\\% = {r}\\%$.', 'To find what percent {a} is of {b}, divide and multiply by 100 %: $\\frac{{a}}{{b}} \\cdot 100\\% = {r}\\%$.'),
  whole: W('{p} % числа равны {a}, значит, 1 % равен ${a} : {p} = {one}$, а всё число (100 %) — ${one} \\cdot 100 = {r}$.', '{p} % of the number is {a}, so 1 % is ${a} : {p} = {one}$ and the whole number (100 %) is ${one} \\cdot 100 = {r}$.'),
  change: W('После изменения на {sign}{p} % остаётся ${k}\\%$ от {n}: ${n} \\cdot {f} = {r}$ (изменение на ${d}$).', 'After a change of {sign}{p} % we have ${k}\\%$ of {n}: ${n} \\cdot {f} = {r}$ (a change of ${d}$).'),
  formula: W('Путь, скорость и время связаны формулой $s = v \\cdot t$.', 'Distance, speed and time are related by $s = v \\cdot t$.'),
  minutes: W('Переведём минуты в часы: ${m}$ мин $= \\frac{{m}}{60}$ ч $= {h}$ ч.', 'Convert minutes to hours: ${m}$ min $= \\frac{{m}}{60}$ h $= {h}$ h.'),
  findV: W('Скорость: $v = s : t = {s} : {t} = {r}$ {unit}.', 'Speed: $v = s : t = {s} : {t} = {r}$ {unit}.'),
  findT: W('Время: $t = s : v = {s} : {v} = {r}$ {unit}.', 'Time: $t = s : v = {s} : {v} = {r}$ {unit}.'),
  findS: W('Путь: $s = v \\cdot t = {v} \\cdot {t} = {r}$ {unit}.', 'Distance: $s = v \\cdot t = {v} \\cdot {t} = {r}$ {unit}.'),
  average: W('Средняя скорость — это весь путь, делённый на всё время движения: $v_{ср} = \\frac{s_1 + s_2 + \\ldots}{t_1 + t_2 + \\ldots}$.', 'Average speed is the whole distance divided by the whole time: $v_{avg} = \\frac{s_1 + s_2 + \\ldots}{t_1 + t_2 + \\ldots}$.'),
  parts: W('Участки: {parts}.', 'Parts: {parts}.'),
  averageResult: W('$v_{ср} = \\frac{{s}}{{t}} = {r}$ {unit}.', '$v_{avg} = \\frac{{s}}{{t}} = {r}$ {unit}.'),
  toMs: W('1 км/ч $= \\frac{1000 \\text{ м}}{3600 \\text{ с}} = \\frac{1}{3{,}6}$ м/с, поэтому делим на 3,6: ${v} : 3{,}6 = {r}$ м/с.', '1 km/h $= \\frac{1000 \\text{ m}}{3600 \\text{ s}} = \\frac{1}{3.6}$ m/s, so divide by 3.6: ${v} : 3.6 = {r}$ m/s.'),
  toKmh: W('1 м/с $= 3{,}6$ км/ч, поэтому умножаем на 3,6: ${v} \\cdot 3{,}6 = {r}$ км/ч.', '1 m/s $= 3.6$ km/h, so multiply by 3.6: ${v} \\cdot 3.6 = {r}$ km/h.'),
  answer: W('**Ответ:** {answer}', '**Answer:** {answer}'),
};

function say(lang: Language, phrase: keyof typeof PHRASES, values: Record<string, string>): string {
  return PHRASES[phrase][lang].replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

const done = (steps: string[], answer: string, value: Rational, lang: Language): Solution => ({
  steps: [...steps, say(lang, 'answer', { answer })],
  answer,
  values: [value.value()],
  exact: [value],
});

export function solveWordProblem(message: string, lang: Language): Solution | null {
  const text = normaliseMath(message).toLocaleLowerCase('ru-RU').replaceAll('ё', 'е');
  return percentProblem(text, lang) ?? motionProblem(text, lang);
}

const PERCENT = String.raw`${NUMBER}\s*(?:%|процент\p{L}*|percent)`;

function percentProblem(text: string, lang: Language): Solution | null {
  const p = (r: Rational) => plainNumber(r, lang);
  let m = text.match(new RegExp(String.raw`${PERCENT}\s+(?:от|of)\s+(?:числа\s+)?${NUMBER}`, 'u'));
  const raise = /увелич|повыс|подорож|вырос|наценк|increase|raise/.test(text);
  const cut = /уменьш|скидк|снизи|снижен|подешев|понизи|discount|decrease|reduce/.test(text);
  if (m && !raise && !cut) {
    const [pc, n] = [num(m[1]!), num(m[2]!)];
    const r = n.mul(pc).div(Rational.of(100));
    return done([say(lang, 'onePercent', { p: p(pc), n: tex(n), r: tex(r) })], p(r), r, lang);
  }
  m = text.match(new RegExp(String.raw`(?:сколько|какой|какую)\s+(?:процент\p{L}*|част\p{L}*)[^\d]*${NUMBER}[^\d]*?(?:от|of)\s+${NUMBER}`, 'u'))
    ?? text.match(new RegExp(String.raw`${NUMBER}[^\d%]*?(?:от|of)\s+${NUMBER}[^\d]*(?:процент|percent)`, 'u'));
  if (m && !raise && !cut) {
    const [a, b] = [num(m[1]!), num(m[2]!)];
    if (b.isZero()) return null;
    const r = a.div(b).mul(Rational.of(100));
    return done([say(lang, 'share', { a: tex(a), b: tex(b), r: tex(r) })], `${p(r)} %`, r, lang);
  }
  m = text.match(new RegExp(String.raw`${PERCENT}\s+(?:\p{L}+\s+){0,3}(?:равн\p{L}*|составля\p{L}*|это|is|are)\s+${NUMBER}`, 'u'));
  if (m && !raise && !cut) {
    const [pc, a] = [num(m[1]!), num(m[2]!)];
    if (pc.isZero()) return null;
    const one = a.div(pc);
    const r = one.mul(Rational.of(100));
    return done([say(lang, 'whole', { p: p(pc), a: tex(a), one: tex(one), r: tex(r) })], p(r), r, lang);
  }
  const percents = [...text.matchAll(new RegExp(PERCENT, 'gu'))].map((x) => num(x[1]!));
  const others = [...text.replace(new RegExp(PERCENT, 'gu'), ' ').matchAll(new RegExp(NUMBER, 'g'))].map((x) => num(x[1]!));
  if (percents.length === 1 && others.length === 1 && (raise || cut) && !(raise && cut)) {
    const [pc, n] = [percents[0]!, others[0]!];
    const k = cut ? Rational.of(100).sub(pc) : Rational.of(100).add(pc);
    const f = k.div(Rational.of(100));
    const r = n.mul(f);
    const d = r.sub(n);
    return done([say(lang, 'change', { sign: cut ? '−' : '+', p: p(pc), k: tex(k), n: tex(n), f: tex(f).replace(/^(\d+)\.(\d+)$/, '$1{,}$2'), r: tex(r), d: tex(d) })], p(r), r, lang);
  }
  return null;
}

interface Quantity {
  value: Rational;
  unit: string;
}

const SPEED = new RegExp(String.raw`${NUMBER}\s*(км\/ч|км в час|километр\p{L}* в час|м\/с|м в секунду|метр\p{L}* в секунду|km\/h|m\/s)`, 'gu');
const DISTANCE = new RegExp(String.raw`${NUMBER}\s*(км|километр\p{L}*|м|метр\p{L}*|km|m)(?![\p{L}\/])(?!\s+в\s+(?:час|секунд))`, 'gu');
const TIME = new RegExp(String.raw`${NUMBER}\s*(ч|час\p{L}*|мин\p{L}*|с|сек\p{L}*|h|hours?|min\p{L}*|s|seconds?)(?![\p{L}\/])`, 'gu');

const unitKind = (unit: string) => (/^(км|кило|km)/.test(unit) ? 'km' : /^(м|метр|m)/.test(unit) && !/^(мин|min)/.test(unit) ? 'm' : /^(ч|час|h)/.test(unit) ? 'h' : /^(мин|min)/.test(unit) ? 'min' : 's');

function quantities(text: string, re: RegExp): Quantity[] {
  return [...text.matchAll(re)].map((m) => ({ value: num(m[1]!), unit: unitKind(m[2]!) }));
}

function motionProblem(text: string, lang: Language): Solution | null {
  const speeds = [...text.matchAll(SPEED)].map((m) => ({ value: num(m[1]!), unit: /м\/с|м в сек|метр|m\/s/.test(m[2]!) ? 'm/s' : 'km/h' }));
  const withoutSpeeds = text.replace(SPEED, ' ');
  const distances = quantities(withoutSpeeds, DISTANCE);
  const times = quantities(withoutSpeeds, TIME);
  const ru = lang === 'ru';
  const unitName = (u: string) => (ru ? { 'km/h': 'км/ч', 'm/s': 'м/с', km: 'км', m: 'м', h: 'ч', s: 'с' }[u] : { 'km/h': 'km/h', 'm/s': 'm/s', km: 'km', m: 'm', h: 'h', s: 's' }[u]) ?? u;
  const p = (r: Rational) => plainNumber(r, lang);
  // «72 км/ч в м/с»: a unit conversion.
  if (speeds.length === 1 && !distances.length && !times.length) {
    const v = speeds[0]!;
    if (v.unit === 'km/h' && /(?:в|in(?:to)?)\s*(?:м\/с|метр\p{L}* в секунду|m\/s)/u.test(text)) {
      const r = v.value.div(Rational.of(36, 10));
      return done([say(lang, 'toMs', { v: tex(v.value), r: tex(r) })], `${p(r)} ${unitName('m/s')}`, r, lang);
    }
    if (v.unit === 'm/s' && /(?:в|in(?:to)?)\s*(?:км\/ч|километр\p{L}* в час|km\/h)/u.test(text)) {
      const r = v.value.mul(Rational.of(36, 10));
      return done([say(lang, 'toKmh', { v: tex(v.value), r: tex(r) })], `${p(r)} ${unitName('km/h')}`, r, lang);
    }
    return null;
  }
  const steps = [say(lang, 'formula', {})];
  // Minutes with kilometres or km/h become hours; the units of the answer follow the given ones.
  const inHours = (q: Quantity) => {
    if (q.unit !== 'min') return q;
    const h = q.value.div(Rational.of(60));
    steps.push(say(lang, 'minutes', { m: tex(q.value), h: tex(h) }));
    return { value: h, unit: 'h' };
  };
  const metric = speeds[0]?.unit === 'm/s' || distances[0]?.unit === 'm' ? { d: 'm', t: 's', v: 'm/s' } : { d: 'km', t: 'h', v: 'km/h' };
  const consistent = [...distances.map((d) => d.unit === metric.d), ...speeds.map((v) => v.unit === metric.v)].every(Boolean);
  if (!consistent) return null;
  if (/средн|average/.test(text) && speeds.length >= 2) {
    const ts = times.map(inHours);
    let s: Rational[];
    let t: Rational[];
    if (ts.length === speeds.length) {
      t = ts.map((q) => q.value);
      s = speeds.map((v, i) => v.value.mul(t[i]!));
    } else if (distances.length === speeds.length) {
      s = distances.map((d) => d.value);
      t = speeds.map((v, i) => s[i]!.div(v.value));
    } else return null;
    const [S, T] = [s.reduce((a, b) => a.add(b)), t.reduce((a, b) => a.add(b))];
    const parts = s.map((si, i) => `$s_${i + 1} = ${tex(si)}$ ${unitName(metric.d)}, $t_${i + 1} = ${tex(t[i]!)}$ ${unitName(metric.t)}`).join('; ');
    const r = S.div(T);
    return done([...steps.slice(0, 1), say(lang, 'average', {}), say(lang, 'parts', { parts }), ...steps.slice(1), say(lang, 'averageResult', { s: tex(S), t: tex(T), r: tex(r), unit: unitName(metric.v) })], `${p(r)} ${unitName(metric.v)}`, r, lang);
  }
  if (speeds.length > 1 || distances.length > 1 || times.length > 1) return null;
  const [v, s, t] = [speeds[0], distances[0], times[0] ? inHours(times[0]) : undefined];
  const asks = (re: RegExp) => re.test(text);
  if (s && t && !v && asks(/скорост|speed|как быстро/)) {
    if (t.value.isZero()) return null;
    const r = s.value.div(t.value);
    return done([...steps, say(lang, 'findV', { s: tex(s.value), t: tex(t.value), r: tex(r), unit: unitName(metric.v) })], `${p(r)} ${unitName(metric.v)}`, r, lang);
  }
  if (s && v && !t && asks(/врем|сколько час|за сколько|сколько минут|how long|time/)) {
    if (v.value.isZero()) return null;
    const r = s.value.div(v.value);
    return done([...steps, say(lang, 'findT', { s: tex(s.value), v: tex(v.value), r: tex(r), unit: unitName(metric.t) })], `${p(r)} ${unitName(metric.t)}`, r, lang);
  }
  if (v && t && !s && asks(/пут|расстоян|сколько километр|сколько метр|how far|distance/)) {
    const r = v.value.mul(t.value);
    return done([...steps, say(lang, 'findS', { v: tex(v.value), t: tex(t.value), r: tex(r), unit: unitName(metric.d) })], `${p(r)} ${unitName(metric.d)}`, r, lang);
  }
  return null;
}
