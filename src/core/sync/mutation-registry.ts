import type { MutationName } from '../../shared/mutations';
import type { MutationApply } from '../mutations/run-mutation';
import { appendChatMessage, startChatSession, endChatSession, markMessagePlayed } from '../chat/chat-service';
import { enrolInCourse, setEnrolmentStatus } from '../courses/enrol';
import { saveHomeworkFeedback } from '../ai/homework-feedback';
import { submitHomework } from '../lessons/homework';
import { answerExercise, recordStudyTime, startLesson } from '../lessons/lesson-activity';
import { markAchievementsSeen } from '../motivation/refresh-motivation';
import { generateLearningPlan } from '../plans/plans-service';
import { updatePreferences } from '../preferences/preferences-service';
import { renameStudent } from '../profile/rename-student';
import { completeLesson } from '../progress/complete-lesson';
import { recordSignInActivity } from '../accounts/accounts-service';

type Registry = { [N in MutationName]: MutationApply<N, unknown> };

/**
 * Every named mutation and the one service function that applies it — on the device when the student
 * acts, on the server when it is pushed, and on the device again when a pull is rebased under it.
 * A new mutation is one line here (the type fails the build until it is added).
 */
export const MUTATIONS: Registry = {
  'plan.generate': generateLearningPlan,
  'homework.submit': submitHomework,
  'preferences.update': updatePreferences,
  'profile.update': renameStudent,
  'course.enrol': enrolInCourse,
  'course.setStatus': setEnrolmentStatus,
  'lesson.complete': completeLesson,
  'chat.startSession': startChatSession,
  // A reply's draft is the device's own business, settled when the reply finished (reply-runner).
  'chat.appendMessage': appendChatMessage,
  'lesson.start': startLesson,
  'study.time': recordStudyTime,
  'exercise.answer': answerExercise,
  'homework.feedback': saveHomeworkFeedback,
  'chat.endSession': endChatSession,
  'chat.markPlayed': markMessagePlayed,
  'achievements.markSeen': (tx, userId, args) => markAchievementsSeen(tx, userId, args.achievementIds),
  'activity.signIn': recordSignInActivity,
};

export const isMutationName = (name: string): name is MutationName => Object.hasOwn(MUTATIONS, name);
