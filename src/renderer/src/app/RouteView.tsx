import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../components/LoadingState';
import { useT } from '../i18n';
import { useSession } from '../session';
import { ForbiddenPage } from './ForbiddenPage';
import { mayOpen } from './nav-items';
import { NotFoundPage } from './NotFoundPage';
import { sectionOf, type Route } from './routes';

/**
 * Each page is its own chunk, loaded when first opened: the sign-in screen (and the first page) need not
 * wait for charts, formulas and Markdown that only some pages use.
 */
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

const CourseListPage = page(() => import('../features/courses/CourseListPage').then((m) => m.CourseListPage));
const CoursePage = page(() => import('../features/courses/CoursePage').then((m) => m.CoursePage));
const PlanPage = page(() => import('../features/plans/PlanPage').then((m) => m.PlanPage));
const LessonPage = page(() => import('../features/lessons/LessonPage').then((m) => m.LessonPage));
const PracticePage = page(() => import('../features/practice/PracticePage').then((m) => m.PracticePage));
const ChatPage = page(() => import('../features/chat/ChatPage').then((m) => m.ChatPage));
const ProgressPage = page(() => import('../features/progress/ProgressPage').then((m) => m.ProgressPage));
const AchievementsPage = page(() => import('../features/achievements/AchievementsPage').then((m) => m.AchievementsPage));
const SettingsPage = page(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
const ProfilePage = page(() => import('../features/profile/ProfilePage').then((m) => m.ProfilePage));
const StudentsPage = page(() => import('../features/teacher/StudentsPage').then((m) => m.StudentsPage));
const AdminPage = page(() => import('../features/admin/AdminPage').then((m) => m.AdminPage));
const ExamsPage = page(() => import('../features/exams/ExamsPage').then((m) => m.ExamsPage));
const ReviewPage = page(() => import('../features/review/ReviewPage').then((m) => m.ReviewPage));
const ImportPackPage = page(() => import('../features/admin/ImportPackPage').then((m) => m.ImportPackPage));

/** The page of a route; a page the account's role may not open says so instead. */
export function RouteView({ route }: { route: Route }) {
  const t = useT();
  return (
    <Suspense fallback={<LoadingState message={t('app.loading')} />}>
      <RoutePage route={route} />
    </Suspense>
  );
}

function RoutePage({ route }: { route: Route }) {
  const role = useSession((state) => state.user?.role ?? 'student');
  const section = sectionOf(route);
  if (section && !mayOpen(section, role)) return <ForbiddenPage />;
  switch (route.name) {
    case 'courses':
      return <CourseListPage />;
    case 'course':
      return <CoursePage key={route.courseId} courseId={route.courseId} />;
    case 'plan':
      return <PlanPage key={route.courseId} courseId={route.courseId} />;
    case 'lesson':
      return <LessonPage key={route.lessonId} lessonId={route.lessonId} />;
    case 'practice':
      return <PracticePage key={route.lessonId} lessonId={route.lessonId} />;
    case 'chat':
      return <ChatPage sessionId={null} />;
    case 'chatSession':
      return <ChatPage sessionId={route.sessionId} />;
    case 'progress':
      return <ProgressPage />;
    case 'achievements':
      return <AchievementsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'profile':
      return <ProfilePage />;
    case 'teacher':
      return <StudentsPage />;
    case 'admin':
      return <AdminPage />;
    case 'exams':
      return <ExamsPage />;
    case 'import':
      return <ImportPackPage />;
    case 'review':
      return <ReviewPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
