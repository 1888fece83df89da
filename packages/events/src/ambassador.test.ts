import { describe, expect, it } from 'vitest';
import { ambassadorSchema } from './ambassador.js';

const alex = () => ({ id: 'amb_1', code: 'ALEX-7HC2QK', displayName: 'Alex', joinedAt: '2026-01-01T00:00:00Z' });

describe('ambassadorSchema', () => {
  it('defaults the role to ambassador', () => {
    expect(ambassadorSchema.parse(alex()).role).toBe('ambassador');
  });

  it('removes bidirectional overrides and control characters from the display name', () => {
    const parsed = ambassadorSchema.parse({ ...alex(), displayName: 'Al\u202Eex\u0000\u2066 Sm\u061Cith\u2069' });
    expect(parsed.displayName).toBe('Alex Smith');
  });

  it('keeps markup as plain text for the renderer to escape', () => {
    expect(ambassadorSchema.parse({ ...alex(), displayName: '<img src=x onerror=alert(1)>' }).displayName).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('caps the display name at 60 characters', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), displayName: 'A'.repeat(61) }).success).toBe(false);
  });

  it('rejects a name made only of invisible characters', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), displayName: '\u202E\u0007 ' }).success).toBe(false);
  });

  it('rejects an audience tier outside nano, micro and macro', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), role: 'influencer', audienceTier: 'mega' }).success).toBe(false);
  });
});
