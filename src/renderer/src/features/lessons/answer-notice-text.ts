import type { AnswerNotice } from '../../../../shared/answer-notice';
import type { Translate } from '../../i18n';

/** The core's notice on how to write an answer, as a sentence in the student's language. */
export function answerNoticeText(t: Translate, notice: AnswerNotice): string {
  switch (notice.code) {
    case 'not_a_number':
      return t('exercise.notANumber');
    case 'ambiguous_spaces':
      return t('exercise.ambiguousSpaces');
    case 'wrong_unit':
      return t('exercise.notice.wrongUnit', { unit: notice.unit });
    case 'exam_fraction':
      return t('exercise.notice.examFraction', { exam: t(`exams.type.${notice.exam}`) });
    case 'exam_unit':
      return t('exercise.notice.examUnit', { exam: t(`exams.type.${notice.exam}`) });
    case 'fraction_wanted':
      return t('exercise.notice.fractionWanted');
    case 'mixed_wanted':
      return t('exercise.notice.mixedWanted');
    case 'reduce':
      return t('exercise.notice.reduce');
    case 'not_an_expression':
      return t('exercise.notAnExpression');
    case 'product_wanted':
      return t('exercise.notice.productWanted');
  }
}
