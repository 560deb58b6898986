import type { AiFailureReason } from '../../../../shared/contract/ai';
import type { TextKey } from '../../i18n';

/**
 * Why a model could not answer, as a sentence a student understands: one place for the chat's notice
 * and the settings' connection check. The template type makes a reason without a message a compile error.
 */
export const aiReasonKey = (reason: AiFailureReason): TextKey => `chat.reason.${reason}`;
