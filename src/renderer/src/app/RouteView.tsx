import { AchievementsPage } from '../features/achievements/AchievementsPage';
import { ChatPage } from '../features/chat/ChatPage';
import { CourseListPage } from '../features/courses/CourseListPage';
import { CoursePage } from '../features/courses/CoursePage';
import { ProgressPage } from '../features/progress/ProgressPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NotFoundPage } from './NotFoundPage';
import type { Route } from './routes';

/** The page of a route. */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'courses':
      return <CourseListPage />;
    case 'course':
      return <CoursePage key={route.courseId} courseId={route.courseId} />;
    case 'chat':
      return <ChatPage />;
    case 'progress':
      return <ProgressPage />;
    case 'achievements':
      return <AchievementsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
