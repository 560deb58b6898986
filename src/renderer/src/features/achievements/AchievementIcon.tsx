import type { ReactNode } from 'react';

/** Simple line drawings on a 24×24 grid, in the text colour: no images, nothing to download. */
const ICONS: Readonly<Record<string, ReactNode>> = {
  star: <polygon points="12 2.5 15 8.6 21.6 9.5 16.8 14.1 18 20.7 12 17.5 6 20.7 7.2 14.1 2.4 9.5 9 8.6" />,
  'book-open': (
    <>
      <path d="M2 4.5h6a4 4 0 0 1 4 4v12a3 3 0 0 0-3-3H2z" />
      <path d="M22 4.5h-6a4 4 0 0 0-4 4v12a3 3 0 0 1 3-3h7z" />
    </>
  ),
  flame: <path d="M12 22a7 7 0 0 0 7-7c0-4-3-6.5-4.5-10.5-1.5 2-2.5 4-2.5 6-1-1-2-2.5-2-4.5C7.5 8 5 11 5 15a7 7 0 0 0 7 7z" />,
  trophy: (
    <>
      <path d="M7 3.5h10v5a5 5 0 0 1-10 0z" />
      <path d="M7 5.5H4a3 3 0 0 0 3 4.5M17 5.5h3a3 3 0 0 1-3 4.5" />
      <path d="M12 13.5v4M8 21h8M9 17.5h6" />
    </>
  ),
  target: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <circle cx="12" cy="12" r="5.5" />
      <circle cx="12" cy="12" r="1.5" />
    </>
  ),
  chat: <path d="M20.5 12a8.5 8.5 0 0 1-12.3 7.6L3 21l1.5-5A8.5 8.5 0 1 1 20.5 12z" />,
  pencil: (
    <>
      <path d="M16.5 3.5l4 4L8 20H4v-4z" />
      <path d="M13.5 6.5l4 4" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 6.5V12l3.5 2" />
    </>
  ),
  'graduation-cap': (
    <>
      <path d="M2 9l10-5 10 5-10 5z" />
      <path d="M6 11v5c3 2.5 9 2.5 12 0v-5M22 9v6" />
    </>
  ),
  calendar: (
    <>
      <rect x="3" y="4.5" width="18" height="17" rx="2" />
      <path d="M8 2.5v4M16 2.5v4M3 10h18" />
    </>
  ),
  medal: (
    <>
      <path d="M7 2.5l3 7M17 2.5l-3 7" />
      <circle cx="12" cy="15" r="6" />
      <path d="M12 12.5v5" />
    </>
  ),
  zap: <polygon points="13 2 4 14 11.5 14 10.5 22 20 10 12.5 10" />,
};

/** An achievement's picture by its `iconName`; an unknown name gets the star. */
export function AchievementIcon({ name, size = 32, className }: { name: string; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name in ICONS ? name : 'star'}
    >
      {ICONS[name] ?? ICONS.star}
    </svg>
  );
}
