import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/homework';
import { attachmentName, checkAttachmentFile, formatSubmittedAt, homeworkIssueKey } from './homework-view';

describe('checkAttachmentFile', () => {
  it('takes the four types up to the limit', () => {
    expect(checkAttachmentFile({ name: 'решение.pdf', type: 'application/pdf', size: 10 })).toEqual({ mimeType: 'application/pdf' });
    expect(checkAttachmentFile({ name: 'фото.png', type: 'image/png', size: 10 })).toEqual({ mimeType: 'image/png' });
    expect(checkAttachmentFile({ name: 'фото.jpg', type: 'image/jpeg', size: ATTACHMENT_MAX_BYTES })).toEqual({ mimeType: 'image/jpeg' });
    expect(checkAttachmentFile({ name: 'ответ.txt', type: 'text/plain', size: 1 })).toEqual({ mimeType: 'text/plain' });
  });

  it('goes by the extension only when the browser names no type', () => {
    expect(checkAttachmentFile({ name: 'ФОТО.JPEG', type: '', size: 10 })).toEqual({ mimeType: 'image/jpeg' });
    expect(checkAttachmentFile({ name: 'ответ.txt', type: '', size: 10 })).toEqual({ mimeType: 'text/plain' });
    expect(checkAttachmentFile({ name: 'ответ', type: '', size: 10 })).toEqual({ issue: 'attachment_wrong_type' });
    expect(checkAttachmentFile({ name: 'ответ.pdf', type: 'application/msword', size: 10 })).toEqual({ issue: 'attachment_wrong_type' });
  });

  it('refuses other types, empty files and files over the limit', () => {
    expect(checkAttachmentFile({ name: 'ответ.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 10 })).toEqual({
      issue: 'attachment_wrong_type',
    });
    expect(checkAttachmentFile({ name: 'фото.webp', type: 'image/webp', size: 10 })).toEqual({ issue: 'attachment_wrong_type' });
    expect(checkAttachmentFile({ name: 'пусто.txt', type: 'text/plain', size: 0 })).toEqual({ issue: 'attachment_empty' });
    expect(checkAttachmentFile({ name: 'скан.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toEqual({ issue: 'attachment_too_large' });
  });
});

describe('attachmentName', () => {
  it('keeps a usual name as it is, trimmed', () => {
    expect(attachmentName('  решение.pdf ')).toBe('решение.pdf');
  });

  it('shortens a long name to the contract limit, keeping the extension', () => {
    const name = attachmentName(`${'д'.repeat(300)}.jpeg`);
    expect(name.length).toBe(200);
    expect(name.endsWith('….jpeg')).toBe(true);
    expect(attachmentName('x'.repeat(300)).length).toBe(200);
  });
});

describe('homeworkIssueKey', () => {
  it('has a sentence for each refusal of the core and a general one for the rest', () => {
    expect(homeworkIssueKey('homework_empty')).toBe('homework.issue.empty');
    expect(homeworkIssueKey('attachment_wrong_type')).toBe('homework.issue.wrongType');
    expect(homeworkIssueKey('attachment_too_large')).toBe('homework.issue.tooLarge');
    expect(homeworkIssueKey('attachment_empty')).toBe('homework.issue.fileEmpty');
    expect(homeworkIssueKey('not_base64')).toBe('homework.issue.unreadable');
    expect(homeworkIssueKey('Too big: expected string to have <=20000 characters')).toBe('issue.invalid');
    expect(homeworkIssueKey('toString')).toBe('issue.invalid');
  });
});

describe('formatSubmittedAt', () => {
  it('writes the day, month, year and time in the interface language', () => {
    const at = new Date(2026, 2, 5, 14, 30).toISOString();
    expect(formatSubmittedAt(at, 'ru-RU')).toMatch(/^5 марта 2026 г\.,? (в )?14:30$/);
    expect(formatSubmittedAt(at, 'en-GB')).toMatch(/^5 March 2026,? (at )?14:30$/);
  });

  it('is null for a broken timestamp', () => {
    expect(formatSubmittedAt('вчера', 'ru-RU')).toBeNull();
  });
});
