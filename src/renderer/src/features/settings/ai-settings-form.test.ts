import { describe, expect, it } from 'vitest';
import { aiSettingsInputSchema } from '../../../../shared/contract/ai';
import { draftFrom, draftIssues, toCheckInput, toSettingsInput, type AiDraft } from './ai-settings-form';

const openai: AiDraft = {
  provider: 'openai',
  baseUrl: ' http://localhost:11434/v1 ',
  model: 'qwen2.5:7b',
  apiKey: '',
  removeKey: false,
  timeout: '90',
  modelPath: '',
};

describe('the AI teacher form', () => {
  it('starts from the saved view, never with a key', () => {
    expect(draftFrom(null)).toEqual({ provider: 'offline', baseUrl: '', model: '', apiKey: '', removeKey: false, timeout: '60', modelPath: '' });
    expect(draftFrom({ provider: 'openai', baseUrl: 'http://x/v1', model: 'm', hasApiKey: true, timeoutSeconds: 30 })).toMatchObject({
      provider: 'openai',
      baseUrl: 'http://x/v1',
      apiKey: '',
      timeout: '30',
    });
  });

  it('asks for an address and a model only for an own model', () => {
    expect(draftIssues({ ...openai, provider: 'offline', baseUrl: 'nonsense', model: '' })).toEqual({});
    expect(draftIssues({ ...openai, baseUrl: '', model: '' })).toEqual({
      baseUrl: 'aiSettings.issue.baseUrlRequired',
      model: 'aiSettings.issue.modelRequired',
    });
    expect(draftIssues({ ...openai, baseUrl: 'localhost:11434' })).toEqual({ baseUrl: 'aiSettings.issue.baseUrl' });
    expect(draftIssues({ ...openai, timeout: '2' })).toEqual({ timeout: 'aiSettings.issue.timeout' });
    expect(draftIssues({ ...openai, timeout: '1.5' })).toEqual({ timeout: 'aiSettings.issue.timeout' });
    expect(draftIssues(openai)).toEqual({});
  });

  it('sends what the contract takes: a new key, null to remove it, nothing to keep it', () => {
    const keep = toSettingsInput(openai);
    expect(keep).toEqual({ provider: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:7b', timeoutSeconds: 90 });
    expect('apiKey' in keep).toBe(false);
    expect(toSettingsInput({ ...openai, apiKey: ' sk-1 ' }).apiKey).toBe('sk-1');
    expect(toSettingsInput({ ...openai, removeKey: true }).apiKey).toBeNull();
    for (const input of [keep, toSettingsInput({ ...openai, removeKey: true })]) {
      expect(aiSettingsInputSchema.safeParse(input).success).toBe(true);
    }
    // The offline teacher: a broken address is simply not sent.
    const offline = toSettingsInput({ ...openai, provider: 'offline', baseUrl: 'nonsense', model: '' });
    expect(offline).toEqual({ provider: 'offline', timeoutSeconds: 90 });
    expect(aiSettingsInputSchema.safeParse(offline).success).toBe(true);
  });

  it('checks the connection with the typed key, else the saved one', () => {
    expect(toCheckInput({ ...openai, apiKey: 'k' }, 'user', true)).toEqual({ baseUrl: 'http://localhost:11434/v1', apiKey: 'k' });
    expect(toCheckInput(openai, 'computer', true)).toEqual({ baseUrl: 'http://localhost:11434/v1', useSavedKeyOf: 'computer' });
    expect(toCheckInput({ ...openai, removeKey: true }, 'user', true)).toEqual({ baseUrl: 'http://localhost:11434/v1' });
    expect(toCheckInput(openai, 'user', false)).toEqual({ baseUrl: 'http://localhost:11434/v1' });
    expect(toCheckInput({ ...openai, baseUrl: 'ftp://x' }, 'user', false)).toBeNull();
  });
});
