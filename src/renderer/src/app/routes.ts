/** Every screen of the app, as it appears in the address hash (`#/courses/<id>`). */
export type Route =
  | { name: 'courses' }
  | { name: 'course'; courseId: string }
  | { name: 'plan'; courseId: string }
  | { name: 'lesson'; lessonId: string }
  | { name: 'practice'; lessonId: string }
  | { name: 'chat' }
  | { name: 'chatSession'; sessionId: string }
  | { name: 'progress' }
  | { name: 'achievements' }
  | { name: 'settings' }
  | { name: 'profile' }
  | { name: 'teacher' }
  | { name: 'admin' }
  | { name: 'exams' }
  | { name: 'import' }
  | { name: 'review' }
  | { name: 'notFound' };

export type Section = 'courses' | 'chat' | 'progress' | 'achievements' | 'settings' | 'profile' | 'teacher' | 'admin' | 'exams' | 'import';

export const DEFAULT_ROUTE: Route = { name: 'courses' };

const SIMPLE_ROUTES: Readonly<Record<string, Route>> = {
  courses: { name: 'courses' },
  chat: { name: 'chat' },
  progress: { name: 'progress' },
  achievements: { name: 'achievements' },
  settings: { name: 'settings' },
  profile: { name: 'profile' },
  teacher: { name: 'teacher' },
  admin: { name: 'admin' },
  exams: { name: 'exams' },
  import: { name: 'import' },
  review: { name: 'review' },
};

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route of a location hash; null when the hash is empty (the default route applies). */
export function parseHash(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (path === '') return null;
  const [first = '', second, ...rest] = path.split('/');
  if (second === undefined) return SIMPLE_ROUTES[first] ?? { name: 'notFound' };
  if (first === 'courses' && rest.length === 0) {
    const courseId = decode(second);
    if (courseId) return { name: 'course', courseId };
  }
  if (first === 'courses' && rest.length === 1 && rest[0] === 'plan') {
    const courseId = decode(second);
    if (courseId) return { name: 'plan', courseId };
  }
  if (first === 'lessons' && rest.length === 0) {
    const lessonId = decode(second);
    if (lessonId) return { name: 'lesson', lessonId };
  }
  if (first === 'lessons' && rest.length === 1 && rest[0] === 'practice') {
    const lessonId = decode(second);
    if (lessonId) return { name: 'practice', lessonId };
  }
  if (first === 'chat' && rest.length === 0) {
    const sessionId = decode(second);
    if (sessionId) return { name: 'chatSession', sessionId };
  }
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'course':
      return `#/courses/${encodeURIComponent(route.courseId)}`;
    case 'plan':
      return `#/courses/${encodeURIComponent(route.courseId)}/plan`;
    case 'lesson':
      return `#/lessons/${encodeURIComponent(route.lessonId)}`;
    case 'practice':
      return `#/lessons/${encodeURIComponent(route.lessonId)}/practice`;
    case 'chatSession':
      return `#/chat/${encodeURIComponent(route.sessionId)}`;
    case 'notFound':
      return hrefFor(DEFAULT_ROUTE);
    default:
      return `#/${route.name}`;
  }
}

/** The navigation section a route belongs to (course and lesson pages live under Courses). */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'course':
    case 'plan':
    case 'lesson':
    case 'practice':
    case 'review':
      return 'courses';
    case 'chatSession':
      return 'chat';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}
