import { AchievementsPage } from '../features/achievements/AchievementsPage';
import { AdminPage } from '../features/admin/AdminPage';
import { ImportPackPage } from '../features/admin/ImportPackPage';
import { ChatPage } from '../features/chat/ChatPage';
import { ExamsPage } from '../features/exams/ExamsPage';
import { LessonPage } from '../features/lessons/LessonPage';
import { CourseListPage } from '../features/courses/CourseListPage';
import { CoursePage } from '../features/courses/CoursePage';
import { PlanPage } from '../features/plans/PlanPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { ProgressPage } from '../features/progress/ProgressPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StudentsPage } from '../features/teacher/StudentsPage';
import { useSession } from '../session';
import { ForbiddenPage } from './ForbiddenPage';
import { mayOpen } from './nav-items';
import { NotFoundPage } from './NotFoundPage';
import { sectionOf, type Route } from './routes';

/** The page of a route; a page the account's role may not open says so instead. */
export function RouteView({ route }: { route: Route }) {
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
    case 'notFound':
      return <NotFoundPage />;
  }
}
