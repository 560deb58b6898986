/** Saves text as a file through the browser's own download (works in the desktop app and in a browser). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; the URL is no longer needed afterwards.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** `YYYY-MM-DD` of a moment in the computer's own time zone (the day the student sees on their calendar). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
